package io.glen.engine.value;

/** A value that refers to a document ({@link GlenId}). */
public final class IdValue extends Value {

    private final GlenId id;

    IdValue(GlenId id) {
        this.id = id;
    }

    @Override
    public ValueKind kind() {
        return ValueKind.ID;
    }

    @Override
    public GlenId asId() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdValue that && that.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
