package io.glen.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A point-in-time view of a database, safe to export: counts and sizes only, never keys, values or
 * file paths. Counters and the last snapshot/compaction refer to this process: they start at zero
 * (or null) when the database is opened.
 *
 * @param documentCounts documents per collection
 * @param lsn the log sequence number of the last write readers can see (new versions are always above it)
 * @param durableLsn the last LSN known to be forced to stable storage
 * @param walSync the current sync mode
 * @param walBytes total size of the WAL segments
 * @param walSegments number of WAL segments
 * @param walSyncs forces since open
 * @param walAwaitingForce write batches in the WAL waiting for a force before they become visible
 *     (under {@link WalSyncMode#ALWAYS}; the depth of group commit)
 * @param puts documents written since open
 * @param deletes documents deleted since open
 * @param batches WAL batches (atomic writes) since open
 * @param lastSnapshotAt when snapshots were last written, or null
 * @param lastSnapshotLsn the LSN the last snapshots cover, or 0
 * @param lastCompactionAt when compaction last completed, or null
 * @param lastCompactionDuration how long it took, or null
 * @param recoveredRecords WAL records replayed when opening
 * @param recoveryTruncatedBytes bytes of torn WAL tail cut off when opening
 * @param recoverySalvagedBytes corrupt WAL bytes skipped when opening (salvage mode)
 * @param commits transactions committed since open
 * @param conflicts transactions that ended in a conflict since open
 * @param subscriptions active subscriptions
 * @param listenerErrors listener invocations that threw since open
 * @param cache the cache statistics
 */
public record GlenStats(Map<String, Long> documentCounts, long lsn, long durableLsn, WalSyncMode walSync,
                        long walBytes, int walSegments, long walSyncs, int walAwaitingForce, long puts, long deletes,
                        long batches,
                        @Nullable Instant lastSnapshotAt, long lastSnapshotLsn, @Nullable Instant lastCompactionAt,
                        @Nullable Duration lastCompactionDuration, long recoveredRecords,
                        long recoveryTruncatedBytes, long recoverySalvagedBytes, long commits, long conflicts,
                        int subscriptions, long listenerErrors, CacheStats cache) {
}
