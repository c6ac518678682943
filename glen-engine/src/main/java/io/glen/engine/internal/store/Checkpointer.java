package io.glen.engine.internal.store;

import io.glen.engine.GlenClosedException;
import io.glen.engine.GlenStorageException;
import io.glen.engine.internal.index.IndexCatalog;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import io.glen.engine.internal.snapshot.SnapshotFile;
import io.glen.engine.internal.snapshot.SnapshotWriter;
import io.glen.engine.internal.wal.WalSegmentFile;
import io.glen.engine.internal.wal.WalWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Snapshots, compaction and online backup, one at a time.
 *
 * <p>Each starts by cutting a boundary: with writers stopped the WAL rotates, so every record up
 * to the boundary LSN {@code S} lies in segments before the new one. The snapshots written next
 * are fuzzy (writers go on), but each entry reflects a state at or after {@code S}, and replay
 * from {@code S} with per-document version checks reproduces the exact state. Compaction deletes
 * only the segments before the boundary, and only after every snapshot and the directory are
 * durable.
 */
public final class Checkpointer {

    private static final int COPY_CHUNK = 1 << 20;

    private final Path dir;
    private final StorageFiles files;
    private final DataStore store;
    private final ReentrantLock running = new ReentrantLock();
    private boolean shutDown; // guarded by running

    private volatile @Nullable Instant lastSnapshotAt;
    private volatile long lastSnapshotLsn;
    private volatile @Nullable Instant lastCompactionAt;
    private volatile @Nullable Duration lastCompactionDuration;

    /** A checkpointer for the store in {@code dir}. */
    public Checkpointer(Path dir, StorageFiles files, DataStore store) {
        this.dir = dir;
        this.files = files;
        this.store = store;
    }

    /** Writes a snapshot of every collection; returns the LSN they cover. */
    public long snapshotAll() {
        begin();
        try {
            return snapshotAllLocked().lsn;
        } finally {
            running.unlock();
        }
    }

    /** Snapshots every collection, then deletes the WAL segments the snapshots cover. */
    public long compact() {
        begin();
        try {
            long started = System.nanoTime();
            Boundary boundary = snapshotAllLocked();
            store.wal().deleteSegmentsBelow(boundary.segment);
            lastCompactionDuration = Duration.ofNanos(System.nanoTime() - started);
            lastCompactionAt = Instant.now();
            return boundary.lsn;
        } finally {
            running.unlock();
        }
    }

    /** Whether a snapshot, compaction or backup is running now. */
    public boolean isRunning() {
        return running.isLocked();
    }

    /** Waits for a running snapshot, compaction or backup, then keeps new ones from starting. */
    public void shutdown() {
        running.lock();
        try {
            shutDown = true;
        } finally {
            running.unlock();
        }
    }

    /**
     * Takes the lock for one snapshot, compaction or backup; fails once {@link #shutdown} ran, so a
     * call that raced with closing fails instead of waiting forever for a lock nobody releases.
     */
    private void begin() {
        running.lock();
        if (shutDown) {
            running.unlock();
            throw new GlenClosedException("the database is closed");
        }
    }

    private record Boundary(long lsn, long segment) {
    }

    private Boundary cut() {
        WalWriter wal = store.wal();
        long[] segment = new long[1];
        long lsn = store.withWritersStopped(() -> segment[0] = wal.rotate());
        return new Boundary(lsn, segment[0]);
    }

    private Boundary snapshotAllLocked() {
        Boundary boundary = cut();
        WalWriter wal = store.wal();
        for (CollectionStore collection : new ArrayList<>(store.collections().values())) {
            try {
                SnapshotWriter.write(files, dir, collection.name(), boundary.lsn,
                        collection.documents().entrySet().iterator(), wal::forceWritten);
            } catch (IOException e) {
                throw new GlenStorageException("writing the snapshot of collection '" + collection.name()
                        + "' failed: " + e.getMessage(), e);
            }
            collection.snapshotLsn(boundary.lsn);
        }
        lastSnapshotAt = Instant.now();
        lastSnapshotLsn = boundary.lsn;
        return boundary;
    }

    /**
     * Writes a consistent copy of the database to {@code target}, which must not exist: snapshots
     * cut at a boundary plus the WAL after it up to a record boundary reached after the snapshots.
     * The copy is assembled in a sibling temporary directory and renamed into place, so
     * {@code target} either holds a complete backup or does not exist. Open it with
     * {@code GlenDB.open(target)} to restore.
     */
    public void backup(Path target) {
        begin();
        try {
            Path absolute = target.toAbsolutePath().normalize();
            if (files.exists(absolute)) {
                throw new IllegalArgumentException("backup target " + target + " already exists");
            }
            Path parent = absolute.getParent();
            if (parent == null) {
                throw new IllegalArgumentException("backup target " + target + " has no parent directory");
            }
            Path staging = parent.resolve(absolute.getFileName() + ".glen-backup-tmp");
            try {
                deleteTree(staging);
                files.createDirectories(staging);
                Boundary boundary = cut();
                WalWriter wal = store.wal();
                for (CollectionStore collection : new ArrayList<>(store.collections().values())) {
                    SnapshotWriter.write(files, staging, collection.name(), boundary.lsn,
                            collection.documents().entrySet().iterator(), () -> { });
                }
                Path catalog = dir.resolve(IndexCatalog.FILE_NAME);
                if (files.exists(catalog)) {
                    copyPrefix(catalog, staging.resolve(IndexCatalog.FILE_NAME), Long.MAX_VALUE);
                }
                for (long[] segment : wal.forceAndListSegments()) {
                    if (segment[0] >= boundary.segment) {
                        copyPrefix(WalSegmentFile.path(dir, segment[0]), WalSegmentFile.path(staging, segment[0]),
                                segment[1]);
                    }
                }
                files.syncDirectory(staging);
                files.move(staging, absolute);
                files.syncDirectory(parent);
            } catch (IOException e) {
                throw new GlenStorageException("backup to " + target + " failed: " + e.getMessage(), e);
            }
        } finally {
            running.unlock();
        }
    }

    private void copyPrefix(Path source, Path target, long length) throws IOException {
        try (StorageFile in = files.openExisting(source); StorageFile out = files.createNew(target)) {
            length = Math.min(length, in.size());
            ByteBuffer buffer = ByteBuffer.allocate(COPY_CHUNK);
            long done = 0;
            while (done < length) {
                buffer.clear();
                buffer.limit((int) Math.min(COPY_CHUNK, length - done));
                in.readFully(buffer, done);
                buffer.flip();
                out.write(buffer, done);
                done += buffer.limit();
            }
            out.force();
        }
    }

    private void deleteTree(Path path) throws IOException {
        if (!files.exists(path)) {
            return;
        }
        for (String name : files.list(path)) {
            files.deleteIfExists(path.resolve(name));
        }
        files.deleteIfExists(path);
    }

    /** When snapshots were last written, or null. */
    public @Nullable Instant lastSnapshotAt() {
        return lastSnapshotAt;
    }

    /** The LSN the last snapshots cover. */
    public long lastSnapshotLsn() {
        return lastSnapshotLsn;
    }

    /** When compaction last completed, or null. */
    public @Nullable Instant lastCompactionAt() {
        return lastCompactionAt;
    }

    /** How long the last compaction took, or null. */
    public @Nullable Duration lastCompactionDuration() {
        return lastCompactionDuration;
    }

    /** The snapshot file of a collection (for tests and tools). */
    public Path snapshotPath(String collection) {
        return SnapshotFile.path(dir, collection);
    }
}
