package io.glen.engine.value;

/**
 * A 64-bit floating point value. Equality is by bit pattern after collapsing every NaN to one
 * canonical NaN (so {@code NaN} equals {@code NaN} and {@code -0.0} does not equal {@code 0.0}),
 * which keeps equal values encoding to equal bytes.
 */
public final class FloatValue extends Value {

    private final double value;

    private FloatValue(double value) {
        this.value = value;
    }

    static FloatValue valueOf(double value) {
        return new FloatValue(Double.isNaN(value) ? Double.NaN : value);
    }

    @Override
    public ValueKind kind() {
        return ValueKind.FLOAT;
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
        return other instanceof FloatValue that
                && Double.doubleToLongBits(that.value) == Double.doubleToLongBits(value);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }
}
