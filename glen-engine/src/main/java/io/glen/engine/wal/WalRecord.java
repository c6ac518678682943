package io.glen.engine.wal;

import java.util.List;

/**
 * A decoded WAL record: one atomic batch of changes sharing one log sequence number, which is also
 * the new version of every document it puts.
 *
 * @param lsn the log sequence number
 * @param entries the changes, applied together or not at all
 */
public record WalRecord(long lsn, List<WalEntry> entries) {
}
