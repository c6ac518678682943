package io.glen.engine.value;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable document value: null, bool, int (64-bit), float (64-bit), string, bytes, array,
 * object or id.
 *
 * <p>Values are deeply immutable, so one instance can be shared by every reader and thread without
 * copying; this is how Glen replaces the "borrowed reads" of the original design. Equality is
 * structural. Objects keep their fields sorted by name, so equal values encode to equal bytes.
 *
 * <p>{@link #compareTo(Value)} is one total order across kinds (see {@link ValueKind}): ints and
 * floats compare by numeric value ({@code 3 < 3.5 < 4}); an int and a float of the same numeric
 * value compare as equal although they are not {@link #equals(Object) equal}, just as
 * {@code BigDecimal} treats {@code 2.0} and {@code 2.00}.
 *
 * <p>Nesting is limited to {@link #MAX_DEPTH} levels, which keeps every recursive operation safe.
 */
public abstract sealed class Value implements Comparable<Value>
        permits NullValue, BoolValue, IntValue, FloatValue, StringValue, BytesValue, ArrayValue,
                ObjectValue, IdValue {

    /** The deepest nesting of arrays and objects a value may have (a scalar has depth 0). */
    public static final int MAX_DEPTH = 128;

    /** The null value. */
    public static final Value NULL = NullValue.INSTANCE;
    /** The boolean {@code true}. */
    public static final Value TRUE = BoolValue.TRUE;
    /** The boolean {@code false}. */
    public static final Value FALSE = BoolValue.FALSE;

    Value() {
    }

    // ---------------------------------------------------------------- factories

    /** A boolean value. */
    public static Value of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** An integer value. */
    public static Value of(long value) {
        return IntValue.valueOf(value);
    }

    /** A float value. */
    public static Value of(double value) {
        return FloatValue.valueOf(value);
    }

    /** A string value. */
    public static Value of(String value) {
        return StringValue.valueOf(Objects.requireNonNull(value, "string must not be null; use Value.NULL"));
    }

    /** A bytes value holding a copy of {@code value}. */
    public static Value of(byte[] value) {
        return BytesValue.copyOf(Objects.requireNonNull(value, "bytes must not be null; use Value.NULL"));
    }

    /** An id value. */
    public static Value of(GlenId id) {
        return new IdValue(Objects.requireNonNull(id, "id must not be null; use Value.NULL"));
    }

    /** An id value referring to the current version of a document. */
    public static Value id(String collection, String docId) {
        return of(GlenId.of(collection, docId));
    }

    /**
     * Converts a plain Java object: {@code null}, {@link Value}, {@link Boolean}, integral
     * {@link Number}s, {@link Float}/{@link Double}, {@link CharSequence}, {@link Character},
     * {@code byte[]}, {@link GlenId}, {@link Map} with string keys, {@link Iterable} and object
     * arrays, recursively. NaN and infinities become float values like any other double (they
     * have a place in the value order and survive {@link #toJava()} and back); reject them where
     * input is parsed if they are not valid input there.
     *
     * @throws IllegalArgumentException for any other type, naming it
     */
    public static Value of(@Nullable Object value) {
        return JavaValues.toValue(value);
    }

    /** An array of the given elements. */
    public static Value array(Value... elements) {
        return ArrayValue.wrapOwned(elements.clone());
    }

    /** An array of the given elements. */
    public static Value array(List<? extends Value> elements) {
        return ArrayValue.wrapOwned(elements.toArray(new Value[0]));
    }

    /** A builder for an object value: {@code Value.object().put("name", "Ada").build()}. */
    public static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    /** An object of the given fields. */
    public static Value object(Map<String, ? extends Value> fields) {
        ObjectBuilder builder = object();
        fields.forEach(builder::put);
        return builder.build();
    }

    // ---------------------------------------------------------------- kind and accessors

    /** The kind of this value. */
    public abstract ValueKind kind();

    /** Whether this is the null value. */
    public boolean isNull() {
        return false;
    }

    /** Whether this is an int or a float. */
    public boolean isNumber() {
        return false;
    }

    /** The boolean. @throws IllegalStateException unless this is a bool */
    public boolean asBoolean() {
        throw wrongKind(ValueKind.BOOL);
    }

    /** The integer. @throws IllegalStateException unless this is an int */
    public long asLong() {
        throw wrongKind(ValueKind.INT);
    }

    /** The number as a double (ints convert). @throws IllegalStateException unless a number */
    public double asDouble() {
        throw wrongKind(ValueKind.FLOAT);
    }

    /** The string. @throws IllegalStateException unless this is a string */
    public String asString() {
        throw wrongKind(ValueKind.STRING);
    }

    /** A copy of the bytes. @throws IllegalStateException unless this is bytes */
    public byte[] asBytes() {
        throw wrongKind(ValueKind.BYTES);
    }

    /** The referenced document. @throws IllegalStateException unless this is an id */
    public GlenId asId() {
        throw wrongKind(ValueKind.ID);
    }

    /** The elements, unmodifiable. @throws IllegalStateException unless this is an array */
    public List<Value> asList() {
        throw wrongKind(ValueKind.ARRAY);
    }

    /** The fields in sorted order, unmodifiable. @throws IllegalStateException unless an object */
    public Map<String, Value> asMap() {
        throw wrongKind(ValueKind.OBJECT);
    }

    /** The number of elements or fields; 0 for scalars. */
    public int size() {
        return 0;
    }

    /** The element at {@code index}. @throws IllegalStateException unless this is an array */
    public Value get(int index) {
        throw wrongKind(ValueKind.ARRAY);
    }

    /** The field's value, or {@code null} when absent or when this is not an object. */
    public @Nullable Value get(String field) {
        return null;
    }

    /**
     * Looks up a dotted path such as {@code "address.city"} or {@code "items.0.sku"} (a numeric
     * segment indexes an array).
     *
     * @return the value, or {@code null} when any segment is missing
     * @throws IllegalArgumentException when the path is empty or has an empty segment
     */
    public @Nullable Value at(String path) {
        return ValuePath.parse(path).lookup(this);
    }

    /**
     * Converts to plain Java: {@code null}, Boolean, Long, Double, String, byte[] (a copy),
     * {@link GlenId}, {@code List<Object>} and {@code Map<String, Object>} (in field order), all
     * mutable copies.
     */
    public @Nullable Object toJava() {
        return JavaValues.toJava(this);
    }

    int depth() {
        return 0;
    }

    static int checkedDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "value nests deeper than Value.MAX_DEPTH (" + MAX_DEPTH + ") levels");
        }
        return depth;
    }

    private IllegalStateException wrongKind(ValueKind expected) {
        return new IllegalStateException("value is " + kind() + ", not " + expected);
    }

    /** Compares by Glen's total order; see the class documentation. */
    @Override
    public final int compareTo(Value other) {
        return ValueOrder.compare(this, other);
    }

    /** A JSON-like rendering for logs and debugging. */
    @Override
    public final String toString() {
        return ValueText.render(this);
    }
}
