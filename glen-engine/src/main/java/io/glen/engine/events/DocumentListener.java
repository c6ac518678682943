package io.glen.engine.events;

/** Receives document changes; called on a Glen listener thread, never concurrently for one subscription. */
@FunctionalInterface
public interface DocumentListener {
    /** Called once per committed change, in commit order. An exception is logged and counted. */
    void onChange(DocumentChange change);
}
