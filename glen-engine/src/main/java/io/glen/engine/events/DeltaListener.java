package io.glen.engine.events;

/** Receives the differences under one field path of one document. */
@FunctionalInterface
public interface DeltaListener {
    /** Called when a commit changed something under the path. */
    void onDelta(FieldDeltaEvent event);
}
