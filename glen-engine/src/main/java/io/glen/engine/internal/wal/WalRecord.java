package io.glen.engine.internal.wal;

import java.util.List;

/**
 * A decoded WAL record: one atomic batch of changes sharing one log sequence number, which is also
 * the new version of every document it puts; or a skip, which says that the LSNs after
 * {@code skippedFrom} up to {@code lsn} are never used (see {@link WalRecordCodec#appendSkipFrame}).
 *
 * @param lsn the log sequence number (of a skip: the last skipped one)
 * @param entries the changes, applied together or not at all (none for a skip)
 * @param skippedFrom for a skip, the LSN of the record before it; -1 for a batch
 */
public record WalRecord(long lsn, List<WalEntry> entries, long skippedFrom) {

    /** A batch. */
    public WalRecord(long lsn, List<WalEntry> entries) {
        this(lsn, entries, -1);
    }

    /** Whether this is a skip record. */
    public boolean isSkip() {
        return skippedFrom >= 0;
    }
}
