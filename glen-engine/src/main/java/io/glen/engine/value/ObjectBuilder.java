package io.glen.engine.value;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds an {@link ObjectValue}. A later {@code put} of the same field replaces the earlier one.
 * Not thread-safe; the built value is immutable.
 */
public final class ObjectBuilder {

    private final TreeMap<String, Value> fields = new TreeMap<>(ValueOrder::compareStrings);

    ObjectBuilder() {
    }

    /** Sets a field to a value. */
    public ObjectBuilder put(String field, Value value) {
        Objects.requireNonNull(field, "field name must not be null");
        Objects.requireNonNull(value, "value must not be null; use Value.NULL");
        fields.put(field, value);
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
        fields.remove(field);
        return this;
    }

    /** Builds the immutable object. */
    public ObjectValue build() {
        String[] names = fields.keySet().toArray(new String[0]);
        Value[] values = fields.values().toArray(new Value[0]);
        return ObjectValue.wrapSorted(names, values);
    }
}
