package io.glen.engine.events;

/** Receives changes of one field path of one document. */
@FunctionalInterface
public interface FieldListener {
    /** Called when the value at the path differs after a commit. */
    void onFieldChange(FieldChange change);
}
