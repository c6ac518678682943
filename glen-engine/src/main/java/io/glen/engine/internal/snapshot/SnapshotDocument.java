package io.glen.engine.internal.snapshot;

/** What a snapshot records of a document besides its id: the store's entries provide it. */
public interface SnapshotDocument {

    /** The document's version (the LSN of the write that produced it). */
    long version();

    /** Its canonical encoding. */
    byte[] encoded();
}
