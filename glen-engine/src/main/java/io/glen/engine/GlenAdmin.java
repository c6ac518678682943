package io.glen.engine;

import io.glen.engine.index.IndexStats;
import io.glen.engine.internal.store.Checkpointer;
import io.glen.engine.internal.store.CollectionStore;
import io.glen.engine.internal.store.DataStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The maintenance, tuning and health side of a {@link GlenDB}, from {@link GlenDB#admin()}:
 * snapshots, online compaction and backup, the WAL's sync policy, the value cache's capacity and
 * statistics, and whether the log still accepts writes. The health answers ({@link #isWritable},
 * {@link #walFailure}, {@link #isCompacting}, {@link #cacheStats}, {@link #walTotalSize}) keep
 * answering after the database is closed, so monitoring never throws.
 */
public final class GlenAdmin {

    private final GlenDB db;
    private final DataStore store;
    private final Checkpointer checkpointer;

    GlenAdmin(GlenDB db, DataStore store, Checkpointer checkpointer) {
        this.db = db;
        this.store = store;
        this.checkpointer = checkpointer;
    }

    /** Writes a snapshot of every collection; returns the LSN they cover. */
    public long snapshotAll() {
        db.ensureOpen();
        return checkpointer.snapshotAll();
    }

    /**
     * Snapshots every collection and deletes the WAL segments they cover. Runs online: writers
     * continue meanwhile. Returns the LSN the snapshots cover.
     */
    public long compact() {
        db.ensureOpen();
        return checkpointer.compact();
    }

    /** Whether a snapshot, compaction or backup is running. */
    public boolean isCompacting() {
        return checkpointer.isRunning();
    }

    /**
     * Writes a consistent online copy of the database to {@code target} (which must not exist).
     * Restore by opening that directory.
     */
    public void backup(Path target) {
        db.ensureOpen();
        Objects.requireNonNull(target, "target must not be null");
        checkpointer.backup(target);
    }

    /** Changes the WAL sync policy at runtime. */
    public void setWalSync(WalSyncMode mode, long flushEveryBytes) {
        db.ensureOpen();
        Objects.requireNonNull(mode, "mode must not be null");
        if (flushEveryBytes <= 0) {
            throw new IllegalArgumentException("flushEveryBytes must be positive: " + flushEveryBytes);
        }
        store.reserveFor(mode);
        store.wal().setSyncMode(mode, flushEveryBytes);
    }

    /** Changes the cache capacity (estimated heap bytes) at runtime; 0 disables the cache. */
    public void setCacheCapacity(long bytes) {
        db.ensureOpen();
        store.cache().setCapacity(bytes);
    }

    /** The cache statistics. */
    public CacheStats cacheStats() {
        return store.cache().stats();
    }

    /** The size of each index of a collection (none when the collection does not exist). */
    public List<IndexStats> indexStats(String collection) {
        db.ensureOpen();
        CollectionStore cs = store.existingCollection(Names.checkCollection(collection));
        List<IndexStats> stats = new ArrayList<>();
        if (cs != null) {
            cs.indexes().values().forEach(index -> stats.add(
                    new IndexStats(index.definition(), index.entryCount(), index.documentCount())));
        }
        return stats;
    }

    /** Total bytes of the WAL segments, to schedule {@link #compact()}. */
    public long walTotalSize() {
        return store.wal().totalSize();
    }

    /** Whether the database accepts writes: open and the WAL not poisoned by an I/O failure. */
    public boolean isWritable() {
        return !db.isClosed() && !store.wal().isPoisoned();
    }

    /** Why the WAL refuses writes, or null when it does not. */
    public @Nullable Throwable walFailure() {
        return store.wal().poisonCause();
    }
}
