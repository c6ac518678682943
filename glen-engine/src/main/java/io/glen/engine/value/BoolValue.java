package io.glen.engine.value;

/** A boolean value; the two instances are {@link Value#TRUE} and {@link Value#FALSE}. */
public final class BoolValue extends Value {

    static final BoolValue TRUE = new BoolValue(true);
    static final BoolValue FALSE = new BoolValue(false);

    private final boolean value;

    private BoolValue(boolean value) {
        this.value = value;
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BOOL;
    }

    @Override
    public boolean asBoolean() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(value);
    }
}
