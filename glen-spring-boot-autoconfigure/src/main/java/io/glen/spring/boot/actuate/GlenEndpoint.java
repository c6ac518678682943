package io.glen.spring.boot.actuate;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenStats;
import io.glen.engine.index.IndexStats;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code glen} actuator endpoint: statistics (read) and compaction or snapshots (write). It
 * reports counts and sizes only, never document ids, values or file paths. Like every endpoint
 * but health it is not exposed over HTTP unless the application includes it
 * ({@code management.endpoints.web.exposure.include=health,glen}); secure the write operation
 * like any other (for example Spring Security on {@code /actuator/glen}).
 */
@Endpoint(id = "glen")
public class GlenEndpoint {

    private final GlenDB db;
    private final AtomicBoolean maintaining = new AtomicBoolean();

    /** The endpoint of {@code db}. */
    public GlenEndpoint(GlenDB db) {
        this.db = db;
    }

    /** The statistics. */
    @ReadOperation
    public StatsDescriptor stats() {
        GlenStats s = db.stats();
        long documents = s.documentCounts().values().stream().mapToLong(Long::longValue).sum();
        return new StatsDescriptor(db.admin().isWritable(), s.documentCounts(), documents, indexes(), s.lsn(), s.durableLsn(),
                new WalDescriptor(s.walSync().name().toLowerCase(java.util.Locale.ROOT), s.walBytes(), s.walSegments(),
                        s.walSyncs()),
                new CacheDescriptor(s.cache().hits(), s.cache().misses(), s.cache().hitRate(), s.cache().puts(),
                        s.cache().evictions(), s.cache().entries(), s.cache().sizeBytes(), s.cache().capacityBytes()),
                s.lastSnapshotAt(), s.lastSnapshotLsn(), s.lastCompactionAt(),
                s.lastCompactionDuration() == null ? null : s.lastCompactionDuration().toMillis(),
                s.commits(), s.conflicts(), s.puts(), s.deletes(), s.subscriptions(), s.listenerErrors());
    }

    /** Each collection's indexes: name, paths, entries and documents, as the engine counts them. */
    private Map<String, List<IndexDescriptor>> indexes() {
        Map<String, List<IndexDescriptor>> indexes = new LinkedHashMap<>();
        for (String collection : db.collections()) {
            List<IndexStats> stats = db.admin().indexStats(collection);
            if (!stats.isEmpty()) {
                indexes.put(collection, stats.stream().map(i -> new IndexDescriptor(i.definition().name(),
                        i.definition().paths(), i.entries(), i.documents())).toList());
            }
        }
        return indexes;
    }

    /**
     * Runs {@code compact} (the default) or {@code snapshot}. Single-flight: while one runs, a
     * second request answers {@code running} without starting another.
     *
     * @throws InvalidEndpointRequestException for any other action (HTTP 400)
     */
    @WriteOperation
    public MaintenanceDescriptor maintain(@Nullable String action) {
        String what = action == null || action.isBlank() ? "compact" : action.trim().toLowerCase(java.util.Locale.ROOT);
        if (!what.equals("compact") && !what.equals("snapshot")) {
            throw new InvalidEndpointRequestException("Unknown action '" + what + "': use 'compact' or 'snapshot'",
                    "Unknown action; use 'compact' or 'snapshot'");
        }
        if (db.admin().isCompacting() || !maintaining.compareAndSet(false, true)) {
            return new MaintenanceDescriptor(what, "running", 0, 0, "a snapshot or compaction is already running");
        }
        try {
            long started = System.nanoTime();
            long lsn = what.equals("compact") ? db.admin().compact() : db.admin().snapshotAll();
            return new MaintenanceDescriptor(what, "completed", lsn, (System.nanoTime() - started) / 1_000_000, "");
        } finally {
            maintaining.set(false);
        }
    }

    /** What {@link #stats()} returns. */
    public record StatsDescriptor(boolean writable, Map<String, Long> collections, long documents,
                                  Map<String, List<IndexDescriptor>> indexes, long lsn,
                                  long durableLsn, WalDescriptor wal, CacheDescriptor cache,
                                  @Nullable Instant lastSnapshotAt, long lastSnapshotLsn,
                                  @Nullable Instant lastCompactionAt, @Nullable Long lastCompactionMillis,
                                  long commits, long conflicts, long puts, long deletes, int subscriptions,
                                  long listenerErrors) {
    }

    /**
     * One index: its name, field paths, its entries (a document with several values at an indexed
     * path has one per value) and the documents it holds.
     */
    public record IndexDescriptor(String name, List<String> paths, long entries, long documents) {
    }

    /** The WAL part of the statistics. */
    public record WalDescriptor(String sync, long bytes, int segments, long syncs) {
    }

    /** The cache part of the statistics. */
    public record CacheDescriptor(long hits, long misses, double hitRate, long puts, long evictions, long entries,
                                  long sizeBytes, long capacityBytes) {
    }

    /** What {@link #maintain(String)} returns. */
    public record MaintenanceDescriptor(String action, String status, long lsn, long durationMillis, String message) {
    }
}
