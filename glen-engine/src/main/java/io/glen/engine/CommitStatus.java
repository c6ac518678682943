package io.glen.engine;

/** How a {@link Txn#commit()} ended. */
public enum CommitStatus {
    /** Every staged change was applied atomically (and logged as one WAL batch). */
    COMMITTED,
    /** A document read or written changed since; nothing was applied. Retrying may succeed. */
    CONFLICT,
    /** The transaction cannot commit: it already committed or rolled back. Nothing was applied. */
    INVALID
}
