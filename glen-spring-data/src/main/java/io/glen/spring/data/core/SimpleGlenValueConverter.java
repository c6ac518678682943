package io.glen.spring.data.core;

import io.glen.engine.value.Value;

/**
 * Converts plain structures: {@link Value} itself, {@code Map}, {@code List}, strings, numbers,
 * booleans and byte arrays ({@link Value#of(Object)} and {@link Value#toJava()}).
 */
public class SimpleGlenValueConverter implements GlenValueConverter {

    @Override
    public Value write(Object object) {
        return Value.of(object);
    }

    @Override
    public <T> T read(Value value, Class<T> type) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        Object java = value.toJava();
        if (java == null) {
            return null;
        }
        if (type.isInstance(java)) {
            return type.cast(java);
        }
        if ((type == Integer.class || type == int.class) && java instanceof Long l && l == l.intValue()) {
            @SuppressWarnings("unchecked")
            T narrowed = (T) Integer.valueOf(l.intValue());
            return narrowed;
        }
        throw new IllegalArgumentException("cannot read a " + value.kind() + " value as " + type.getName()
                + " (plain conversion supports Value, Map, List, String, Long, Double, Boolean, byte[]; "
                + "use the Spring Data module for entities)");
    }
}
