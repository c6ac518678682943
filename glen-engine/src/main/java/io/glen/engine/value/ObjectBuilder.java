package io.glen.engine.value;

import java.util.Map;
import java.util.Objects;
import java.util.Arrays;

/**
 * Builds an {@link ObjectValue}. A later {@code put} of the same field replaces the earlier one.
 * Not thread-safe; the built value is immutable.
 *
 * <p>Fields are collected in put order in two arrays and sorted once, by {@link #build}: objects
 * are mostly built once from a handful of fields (often already in order), where a sorted map
 * per builder cost more than the rest of a write.
 */
public final class ObjectBuilder {

    private String[] names = new String[8];
    private Value[] values = new Value[8];
    private int size;
    /** Whether the names so far are strictly increasing (then there are no duplicates either). */
    private boolean sorted = true;

    ObjectBuilder() {
    }

    /** Sets a field to a value. */
    public ObjectBuilder put(String field, Value value) {
        Objects.requireNonNull(field, "field name must not be null");
        Objects.requireNonNull(value, "value must not be null; use Value.NULL");
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        if (sorted && size > 0 && ValueOrder.compareStrings(names[size - 1], field) >= 0) {
            sorted = false;
        }
        names[size] = field;
        values[size] = value;
        size++;
        return this;
    }

    /** Sets a field to a string. */
    public ObjectBuilder put(String field, String value) {
        return put(field, Value.of(value));
    }

    /** Sets a field to an integer. */
    public ObjectBuilder put(String field, long value) {
        return put(field, Value.of(value));
    }

    /** Sets a field to a float. */
    public ObjectBuilder put(String field, double value) {
        return put(field, Value.of(value));
    }

    /** Sets a field to a boolean. */
    public ObjectBuilder put(String field, boolean value) {
        return put(field, Value.of(value));
    }

    /** Sets a field from a plain Java object, converted by {@link Value#of(Object)}. */
    public ObjectBuilder putObject(String field, Object value) {
        return put(field, Value.of(value));
    }

    /** Sets every entry of a map. */
    public ObjectBuilder putAll(Map<String, Value> entries) {
        entries.forEach(this::put);
        return this;
    }

    /** Removes a field if present. */
    public ObjectBuilder remove(String field) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!names[i].equals(field)) {
                names[kept] = names[i];
                values[kept] = values[i];
                kept++;
            }
        }
        Arrays.fill(names, kept, size, null);
        Arrays.fill(values, kept, size, null);
        size = kept;
        return this;
    }

    /** Builds the immutable object. */
    public ObjectValue build() {
        if (sorted) {
            return ObjectValue.wrapSorted(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
        }
        // Sort a permutation stably by name, so that among equal names the last put comes last
        // and wins when duplicates are dropped.
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        String[] n = names;
        Arrays.sort(order, (a, b) -> ValueOrder.compareStrings(n[a], n[b]));
        String[] sortedNames = new String[size];
        Value[] sortedValues = new Value[size];
        int count = 0;
        for (int k = 0; k < size; k++) {
            int i = order[k];
            if (count > 0 && sortedNames[count - 1].equals(names[i])) {
                sortedValues[count - 1] = values[i];
            } else {
                sortedNames[count] = names[i];
                sortedValues[count] = values[i];
                count++;
            }
        }
        return ObjectValue.wrapSorted(count == size ? sortedNames : Arrays.copyOf(sortedNames, count),
                count == size ? sortedValues : Arrays.copyOf(sortedValues, count));
    }
}
