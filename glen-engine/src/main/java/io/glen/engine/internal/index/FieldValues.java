package io.glen.engine.internal.index;

import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import io.glen.engine.value.ValuePath;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a dotted path reaches in a document: the one rule shared by indexes and by query
 * evaluation, so that an index lookup and a full scan always agree.
 *
 * <ul>
 *   <li>On an object a segment is a field name; on an array a numeric segment is an index, and any
 *       other segment is applied to every element that is an object ({@code items.sku} reaches the
 *       {@code sku} of every item).</li>
 *   <li>When the path ends on an array, the array itself and each of its elements are reached
 *       (multikey), so a predicate on an array field matches when the array or any element does.</li>
 *   <li>A path that reaches nothing yields an empty list: the field is missing.</li>
 * </ul>
 */
public final class FieldValues {

    private FieldValues() {
    }

    /** Every value {@code path} reaches in {@code document}. */
    public static List<Value> at(Value document, ValuePath path) {
        List<Value> current = List.of(document);
        for (String segment : path.segments()) {
            List<Value> next = new ArrayList<>(current.size());
            for (Value value : current) {
                step(value, segment, next);
            }
            if (next.isEmpty()) {
                return List.of();
            }
            current = next;
        }
        List<Value> result = new ArrayList<>(current.size());
        for (Value value : current) {
            result.add(value);
            if (value.kind() == ValueKind.ARRAY) {
                result.addAll(value.asList());
            }
        }
        return result;
    }

    private static void step(Value value, String segment, List<Value> out) {
        if (value.kind() == ValueKind.OBJECT) {
            Value field = value.get(segment);
            if (field != null) {
                out.add(field);
            }
        } else if (value.kind() == ValueKind.ARRAY) {
            int index = ValuePath.arrayIndex(segment);
            if (index >= 0) {
                if (index < value.size()) {
                    out.add(value.get(index));
                }
                return;
            }
            for (Value element : value.asList()) {
                if (element.kind() == ValueKind.OBJECT) {
                    Value field = element.get(segment);
                    if (field != null) {
                        out.add(field);
                    }
                }
            }
        }
    }
}
