package io.glen.engine.value;

/** The null value; there is exactly one instance, {@link Value#NULL}. */
public final class NullValue extends Value {

    static final NullValue INSTANCE = new NullValue();

    private NullValue() {
    }

    @Override
    public ValueKind kind() {
        return ValueKind.NULL;
    }

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return 0x6c1e;
    }
}
