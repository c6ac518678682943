package io.glen.engine.internal.index;

import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * How many documents an index holds under each key prefix, so that counting the documents whose
 * first {@code n} indexed paths equal given values is one hash lookup instead of a walk over the
 * matching entries.
 *
 * <p>Equal under the index's order must mean equal here: numbers count under a canonical form
 * (the integer 3 and the float 3.0 are one key, as {@code 3 == 3.0} in every query), and arrays and
 * objects, whose order compares nested numbers the same way, are not counted: a prefix holding one
 * is answered by walking the entries instead. A document with several keys (a multi-valued path)
 * counts once under each distinct prefix.
 */
final class KeyCounts {

    private record Prefix(List<Object> parts) {
    }

    private final ConcurrentHashMap<Prefix, LongAdder> counts = new ConcurrentHashMap<>();

    /** Moves a document from {@code stale} keys to {@code fresh} ones (either may be empty). */
    void update(Object[][] stale, Object[][] fresh) {
        if (sameKeys(stale, fresh)) {
            return; // the common overwrite that leaves the indexed fields alone
        }
        Set<Prefix> before = prefixes(stale);
        Set<Prefix> after = prefixes(fresh);
        for (Prefix p : after) {
            if (!before.contains(p)) {
                counts.computeIfAbsent(p, k -> new LongAdder()).increment();
            }
        }
        for (Prefix p : before) {
            if (!after.contains(p)) {
                LongAdder count = counts.get(p);
                if (count != null) {
                    count.decrement();
                }
            }
        }
    }

    /**
     * The number of documents whose key starts with {@code values}, or -1 when a value cannot be
     * counted here (an array or an object).
     */
    long count(List<Value> values) {
        List<Object> parts = new ArrayList<>(values.size());
        for (Value v : values) {
            Object canonical = canonical(v);
            if (canonical == null) {
                return -1;
            }
            parts.add(canonical);
        }
        LongAdder count = counts.get(new Prefix(parts));
        return count == null ? 0 : Math.max(0, count.sum());
    }

    void clear() {
        counts.clear();
    }

    private static boolean sameKeys(Object[][] a, Object[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (KeyPart.compareKeys(a[i], b[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Set<Prefix> prefixes(Object[][] keys) {
        if (keys.length == 0) {
            return Set.of();
        }
        Set<Prefix> out = new HashSet<>();
        for (Object[] key : keys) {
            List<Object> parts = new ArrayList<>(key.length);
            for (Object part : key) {
                Object canonical = part instanceof Value v ? canonical(v) : part;
                if (canonical == null) {
                    break;
                }
                parts.add(canonical);
                out.add(new Prefix(List.copyOf(parts)));
            }
        }
        return out;
    }

    /** A hashable stand-in equal exactly when the index's order says equal, or null (not counted). */
    private static @Nullable Object canonical(Value v) {
        ValueKind kind = v.kind();
        if (kind == ValueKind.INT) {
            return v.asLong();
        }
        if (kind == ValueKind.FLOAT) {
            double d = v.asDouble();
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            if (d >= -0x1p63 && d < 0x1p63 && d == Math.rint(d)) {
                return (long) d;
            }
            return d;
        }
        if (kind == ValueKind.ARRAY || kind == ValueKind.OBJECT) {
            return null;
        }
        return v;
    }

    @Override
    public String toString() {
        return "KeyCounts" + Arrays.toString(counts.keySet().toArray());
    }
}
