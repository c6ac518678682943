package io.glen.engine.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Conversion between values and plain Java maps, lists and scalars.
 *
 * <p>Non-finite doubles and floats (NaN, positive and negative infinity) convert to float values like
 * any other: they are IEEE-754 values that the float kind holds, encodes canonically (one NaN) and
 * orders totally (-Infinity below every number, +Infinity above, NaN above +Infinity), and a value
 * converted to Java and back must be the value it was. Whether a NaN or an infinity is acceptable
 * <em>input</em> is a question for the application (a price of {@code 1e400} parsed as Infinity is an
 * input error, a sensor's NaN reading may be data), so it is validated where input is parsed.
 */
final class JavaValues {

    private JavaValues() {
    }

    static Value toValue(@Nullable Object object) {
        return toValue(object, new IdentityHashMap<>(), 0);
    }

    private static Value toValue(@Nullable Object object, IdentityHashMap<Object, Boolean> path, int depth) {
        if (object == null) {
            return Value.NULL;
        }
        if (object instanceof Value value) {
            return value;
        }
        if (object instanceof Boolean b) {
            return Value.of(b.booleanValue());
        }
        if (object instanceof Long || object instanceof Integer || object instanceof Short
                || object instanceof Byte) {
            return Value.of(((Number) object).longValue());
        }
        if (object instanceof Double || object instanceof Float) {
            return Value.of(((Number) object).doubleValue());
        }
        if (object instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw new IllegalArgumentException("BigInteger " + big + " does not fit a 64-bit int value");
            }
            return Value.of(big.longValue());
        }
        if (object instanceof BigDecimal) {
            throw new IllegalArgumentException(
                    "BigDecimal has no exact Glen value; convert it to a string or a scaled long first");
        }
        if (object instanceof CharSequence || object instanceof Character) {
            return Value.of(object.toString());
        }
        if (object instanceof byte[] bytes) {
            return Value.of(bytes);
        }
        if (object instanceof GlenId id) {
            return Value.of(id);
        }
        if (depth >= Value.MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "value nests deeper than Value.MAX_DEPTH (" + Value.MAX_DEPTH + ") levels");
        }
        if (path.put(object, Boolean.TRUE) != null) {
            throw new IllegalArgumentException("cannot convert a self-referencing structure to a value");
        }
        try {
            if (object instanceof Map<?, ?> map) {
                ObjectBuilder builder = Value.object();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("object field names must be strings, got "
                                + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
                    }
                    builder.put(key, toValue(entry.getValue(), path, depth + 1));
                }
                return builder.build();
            }
            if (object instanceof Iterable<?> iterable) {
                List<Value> elements = new ArrayList<>();
                for (Object element : iterable) {
                    elements.add(toValue(element, path, depth + 1));
                }
                return Value.array(elements);
            }
            if (object instanceof Object[] array) {
                List<Value> elements = new ArrayList<>(array.length);
                for (Object element : array) {
                    elements.add(toValue(element, path, depth + 1));
                }
                return Value.array(elements);
            }
        } finally {
            path.remove(object);
        }
        throw new IllegalArgumentException("cannot convert " + object.getClass().getName() + " to a Glen value");
    }

    static @Nullable Object toJava(Value value) {
        switch (value.kind()) {
            case NULL:
                return null;
            case BOOL:
                return value.asBoolean();
            case INT:
                return value.asLong();
            case FLOAT:
                return value.asDouble();
            case STRING:
                return value.asString();
            case BYTES:
                return value.asBytes();
            case ID:
                return value.asId();
            case ARRAY:
                List<@Nullable Object> list = new ArrayList<>(value.size());
                for (Value element : value.asList()) {
                    list.add(toJava(element));
                }
                return list;
            case OBJECT:
                ObjectValue object = (ObjectValue) value;
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                for (int i = 0; i < object.size(); i++) {
                    map.put(object.nameAt(i), toJava(object.valueAt(i)));
                }
                return map;
            default:
                throw new IllegalStateException("unknown kind " + value.kind());
        }
    }
}
