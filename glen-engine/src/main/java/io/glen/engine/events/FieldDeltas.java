package io.glen.engine.events;

import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Computes the {@link FieldDelta}s between two values at a path. */
public final class FieldDeltas {

    private FieldDeltas() {
    }

    /** The deltas turning {@code before} into {@code after} (either may be null = missing). */
    public static List<FieldDelta> diff(String path, @Nullable Value before, @Nullable Value after) {
        List<FieldDelta> out = new ArrayList<>();
        diff(path, before, after, out);
        return out;
    }

    private static void diff(String path, @Nullable Value before, @Nullable Value after, List<FieldDelta> out) {
        if (before == null && after == null) {
            return;
        }
        if (before == null) {
            out.add(new FieldDelta(FieldDelta.Kind.SET, path, null, after));
            return;
        }
        if (after == null) {
            out.add(new FieldDelta(FieldDelta.Kind.DELETE, path, before, null));
            return;
        }
        if (before.equals(after)) {
            return;
        }
        if (before.kind() == ValueKind.OBJECT && after.kind() == ValueKind.OBJECT) {
            TreeSet<String> names = new TreeSet<>(before.asMap().keySet());
            names.addAll(after.asMap().keySet());
            for (String name : names) {
                diff(path + "." + name, before.get(name), after.get(name), out);
            }
            return;
        }
        if (before.kind() == ValueKind.ARRAY && after.kind() == ValueKind.ARRAY && after.size() > before.size()
                && after.asList().subList(0, before.size()).equals(before.asList())) {
            out.add(new FieldDelta(FieldDelta.Kind.APPEND, path, before,
                    Value.array(after.asList().subList(before.size(), after.size()))));
            return;
        }
        if (before.kind() == ValueKind.STRING && after.kind() == ValueKind.STRING
                && after.asString().length() > before.asString().length() && after.asString().startsWith(before.asString())) {
            out.add(new FieldDelta(FieldDelta.Kind.APPEND, path, before,
                    Value.of(after.asString().substring(before.asString().length()))));
            return;
        }
        out.add(new FieldDelta(FieldDelta.Kind.REPLACE, path, before, after));
    }
}
