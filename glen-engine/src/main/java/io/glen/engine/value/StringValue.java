package io.glen.engine.value;

/** A Unicode string value. */
public final class StringValue extends Value {

    static final StringValue EMPTY = new StringValue("");

    private final String value;

    private StringValue(String value) {
        this.value = value;
    }

    static StringValue valueOf(String value) {
        return value.isEmpty() ? EMPTY : new StringValue(value);
    }

    @Override
    public ValueKind kind() {
        return ValueKind.STRING;
    }

    @Override
    public String asString() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StringValue that && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
