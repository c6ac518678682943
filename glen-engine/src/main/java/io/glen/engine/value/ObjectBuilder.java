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

    private String[] names = new String[16];
    private Value[] values = new Value[16];
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
        String[] sortedNames = Arrays.copyOf(names, size);
        Value[] sortedValues = Arrays.copyOf(values, size);
        if (sorted) {
            return ObjectValue.wrapSorted(sortedNames, sortedValues);
        }
        int count = size <= INSERTION_SORT_MAX ? insertionSort(sortedNames, sortedValues) : indexSort(sortedNames,
                sortedValues);
        return ObjectValue.wrapSorted(count == size ? sortedNames : Arrays.copyOf(sortedNames, count),
                count == size ? sortedValues : Arrays.copyOf(sortedValues, count));
    }

    private static final int INSERTION_SORT_MAX = 32;

    /**
     * Sorts the pairs by name in place, stably (among equal names the later put stays later), then
     * drops all but the last of equal names; returns how many remain at the front.
     */
    private static int insertionSort(String[] n, Value[] v) {
        for (int i = 1; i < n.length; i++) {
            String name = n[i];
            Value value = v[i];
            int j = i - 1;
            while (j >= 0 && ValueOrder.compareStrings(n[j], name) > 0) {
                n[j + 1] = n[j];
                v[j + 1] = v[j];
                j--;
            }
            n[j + 1] = name;
            v[j + 1] = value;
        }
        return dropShadowed(n, v, n.length);
    }

    /** Like {@link #insertionSort} for many fields: a stable sort of a permutation. */
    private static int indexSort(String[] n, Value[] v) {
        Integer[] order = new Integer[n.length];
        for (int i = 0; i < n.length; i++) {
            order[i] = i;
        }
        String[] names = n.clone();
        Value[] values = v.clone();
        Arrays.sort(order, (a, b) -> ValueOrder.compareStrings(names[a], names[b]));
        for (int k = 0; k < order.length; k++) {
            n[k] = names[order[k]];
            v[k] = values[order[k]];
        }
        return dropShadowed(n, v, n.length);
    }

    /** Keeps the last of each run of equal names (the latest put); returns the new length. */
    private static int dropShadowed(String[] n, Value[] v, int length) {
        int count = 0;
        for (int k = 0; k < length; k++) {
            if (count > 0 && n[count - 1].equals(n[k])) {
                v[count - 1] = v[k];
            } else {
                n[count] = n[k];
                v[count] = v[k];
                count++;
            }
        }
        return count;
    }
}
