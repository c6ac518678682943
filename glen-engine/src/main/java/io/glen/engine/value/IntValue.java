package io.glen.engine.value;

/** A 64-bit signed integer value. */
public final class IntValue extends Value {

    private static final IntValue[] SMALL = new IntValue[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new IntValue(i - 128);
        }
    }

    private final long value;

    private IntValue(long value) {
        this.value = value;
    }

    static IntValue valueOf(long value) {
        if (value >= -128 && value < 128) {
            return SMALL[(int) value + 128];
        }
        return new IntValue(value);
    }

    @Override
    public ValueKind kind() {
        return ValueKind.INT;
    }

    @Override
    public long asLong() {
        return value;
    }

    @Override
    public double asDouble() {
        return value;
    }

    @Override
    public boolean isNumber() {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntValue that && that.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }
}
