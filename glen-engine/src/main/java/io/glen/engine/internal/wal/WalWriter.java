package io.glen.engine.internal.wal;

import io.glen.engine.GlenClosedException;
import io.glen.engine.GlenException;
import io.glen.engine.GlenStorageException;
import io.glen.engine.WalSyncMode;
import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The write-ahead log: appends framed batches in LSN order and makes them durable as the sync
 * mode says. The work is split the way LevelDB splits its log: this class is the append path and
 * the failure state, {@link WalSegments} the segment files' lifecycle, {@link WalForcer} the WAL
 * thread with group commit and the force policy.
 *
 * <p><b>Appending.</b> A writer frames its batch ({@link WalFrame}) outside every lock, then
 * takes the {@linkplain #appendLock append lock}, in which the caller assigns the LSN and
 * {@link #append} seals the frame and writes it straight into the current segment: on the real
 * file system that is a copy into a shared memory mapping of the segment, which puts it in the
 * page cache as a {@code write} call would, without the system call (with {@code mapped} false,
 * one {@code write}). So every record reaches the operating system inside the section that orders
 * it, and a crash of the process alone loses nothing appended. A full segment is cut at its last
 * record, forced and followed by a new one inside the section.
 *
 * <p><b>Durability.</b> Under {@link WalSyncMode#ALWAYS} the writer then waits on the WAL
 * thread, which forces back to back (group commit). Under {@link WalSyncMode#INTERVAL} the writer
 * that crosses {@code flushEveryBytes} asks the WAL thread for a force (or forces itself, without
 * background forces), and the thread forces every {@code flushInterval}; forces run under their own
 * lock while writers keep appending. DESIGN.md asks for a force after {@code flushEveryBytes};
 * doing it inline stalled every writer for the length of an {@code fsync} of up to 8 MiB. The cost:
 * the power-loss window may grow by the writes made during one force.
 *
 * <p>A failed write or force poisons the log: every later append and sync throws
 * {@link GlenStorageException} until the database is reopened. Retrying {@code fsync} after a
 * failure is unsafe because the kernel may already have dropped the dirty pages.
 */
public final class WalWriter implements AutoCloseable {

    private final WalSegments segments;
    private final WalForcer forcer;
    private final boolean backgroundForce;
    private final ReentrantLock appendLock = new ReentrantLock();
    /**
     * Held by every force and by whatever switches or closes a segment file; taken after the
     * append lock when both are needed (never the other way round), so a force can run while
     * writers keep appending.
     */
    private final ReentrantLock forceLock = new ReentrantLock();

    private volatile long writtenLsn;
    private volatile long durableLsn;
    private volatile long bytesWritten;
    private volatile long bytesAtLastForce;
    private volatile @Nullable Throwable poison;
    /** A background force failed and no caller has been told yet. */
    private volatile boolean unreportedFailure;
    private volatile boolean fileClosed;
    private volatile WalSyncMode mode;
    private volatile long flushEveryBytes;
    private final LongAdder syncs = new LongAdder();

    private WalWriter(WalSegments segments, WalSyncMode mode, long flushEveryBytes, boolean backgroundForce,
                      Duration flushInterval, long lastLsn) {
        this.segments = segments;
        this.mode = mode;
        this.flushEveryBytes = flushEveryBytes;
        this.backgroundForce = backgroundForce;
        this.writtenLsn = lastLsn;
        this.durableLsn = lastLsn;
        this.forcer = new WalForcer(this, flushInterval.toNanos());
    }

    /**
     * Opens the log after recovery and starts its thread: continues the last segment at its valid
     * end (forcing it and its directory entry first), or starts a new segment when there is none or
     * when the last one has no valid header. {@code lastLsn} is where the recovered state reaches,
     * which after a compaction is higher than the last LSN the remaining log holds (snapshots cover
     * the rest); everything up to it is durable, so it starts the written and durable LSNs.
     *
     * @param mapped open segments as log files ({@link StorageFiles#openLog}, memory-mapped on the
     *     real file system) rather than plain files
     * @param backgroundForce under INTERVAL, force on the WAL thread when {@code flushEveryBytes}
     *     is crossed (false: the writer crossing it forces before it returns)
     */
    public static WalWriter open(StorageFiles files, Path dir, WalRecovery.Result recovered, long lastLsn,
                                 long segmentBytes, WalSyncMode mode, long flushEveryBytes, boolean mapped,
                                 boolean backgroundForce, Duration flushInterval) {
        WalSegments segments;
        try {
            segments = WalSegments.open(files, dir, recovered, segmentBytes, mapped);
        } catch (IOException e) {
            throw new GlenStorageException("cannot open the write-ahead log in " + dir + ": " + e.getMessage(), e);
        }
        WalWriter wal = new WalWriter(segments, mode, flushEveryBytes, backgroundForce, flushInterval,
                Math.max(lastLsn, recovered.lastLsn()));
        wal.forcer.start();
        return wal;
    }

    /**
     * The lock of the append section: the caller assigns LSNs under it and calls {@link #append} in
     * LSN order.
     */
    public ReentrantLock appendLock() {
        return appendLock;
    }

    /**
     * Seals {@code frame} for {@code lsn} and writes it to the current segment (caller holds the
     * {@linkplain #appendLock append lock}; LSNs in increasing order).
     *
     * @throws GlenStorageException when the write fails (the log is poisoned) or was poisoned before
     */
    public void append(WalFrame frame, long lsn) {
        failIfUnusable();
        int start = frame.seal(lsn);
        write(frame.array(), start, frame.end() - start, lsn);
    }

    /**
     * Appends a skip record (see {@link WalRecordCodec#appendSkipFrame}): LSNs after
     * {@code previousLsn} up to {@code lsn} are never used.
     */
    public void appendSkip(long lsn, long previousLsn) {
        ByteSink sink = new ByteSink(32);
        WalRecordCodec.appendSkipFrame(sink, lsn, previousLsn);
        appendLock.lock();
        try {
            failIfUnusable();
            write(sink.array(), 0, sink.size(), lsn);
        } finally {
            appendLock.unlock();
        }
    }

    private void write(byte[] bytes, int offset, int length, long lsn) {
        try {
            segments.append(bytes, offset, length);
        } catch (IOException | RuntimeException | InternalError e) {
            // InternalError: a memory-mapped copy faulted (reported asynchronously, so it may
            // surface here rather than inside the write).
            throw poison("write to the WAL failed", e);
        }
        bytesWritten += length;
        writtenLsn = lsn;
        if (segments.full()) {
            startNewSegment();
        } else if (backgroundForce && mode == WalSyncMode.INTERVAL
                && bytesWritten - bytesAtLastForce >= flushEveryBytes) {
            forcer.requestForce();
        }
    }

    /**
     * Returns once the record with {@code lsn}, which the caller appended, is as durable as its
     * batch needs: forced with {@code force} (group commit on the WAL thread); otherwise it is
     * already in the operating system's hands, and only interval mode without background forces
     * may have this writer force first, when it crossed {@code flushEveryBytes}.
     *
     * @throws GlenStorageException when the log is (or becomes) poisoned before that
     */
    public void sync(long lsn, boolean force) {
        if (force) {
            forcer.awaitDurable(lsn);
        } else if (!backgroundForce && mode == WalSyncMode.INTERVAL
                && bytesWritten - bytesAtLastForce >= flushEveryBytes) {
            forceWritten();
        } else {
            failIfUnusable();
        }
    }

    /**
     * Forces everything written so far, holding only the force lock, so writers go on appending
     * meanwhile (the WAL thread's forces, backups, snapshots).
     *
     * @throws GlenStorageException when the force fails (the log is poisoned) or was poisoned before
     */
    public void forceWritten() {
        long upTo = writtenLsn;
        StorageFile file = segments.current();
        long bytes = bytesWritten;
        if (durableLsn >= upTo) {
            failIfUnusable();
            return;
        }
        forceLock.lock();
        try {
            // A switch or close since then forced that segment (records up to upTo were written
            // before upTo was published, so they are in it or in a segment before it).
            if (fileClosed || durableLsn >= upTo) {
                return;
            }
            failIfUnusable();
            if (file == segments.current()) {
                file.force();
                syncs.increment();
            }
            durableLsn = Math.max(durableLsn, upTo);
            bytesAtLastForce = Math.max(bytesAtLastForce, bytes);
        } catch (IOException | RuntimeException e) {
            throw poison("forcing the WAL to stable storage failed", e);
        } finally {
            forceLock.unlock();
        }
    }

    /** Records that a force on the WAL thread failed, so that {@link #close} reports it if nobody else did. */
    void noteBackgroundFailure() {
        unreportedFailure = true;
    }

    /** Runs {@code task} on the WAL thread; false when it is shutting down. */
    public boolean executeInBackground(Runnable task) {
        return forcer.execute(task);
    }

    /**
     * Forces and starts a new segment unless the current one holds no record. Called with the
     * database's writers stopped, so that every record up to the caller's LSN lands in the segments
     * before the returned one.
     *
     * @return the number of the segment that new records go to
     */
    public long rotate() {
        appendLock.lock();
        try {
            failIfUnusable();
            if (segments.hasRecords()) {
                startNewSegment();
            } else {
                forceWritten();
            }
            return segments.number();
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Forces, then lists every segment with its length at a record boundary, for an online backup:
     * later appends only add bytes after these lengths.
     */
    public List<long[]> forceAndListSegments() {
        appendLock.lock();
        try {
            failIfUnusable();
            forceWritten();
            return segments.list();
        } finally {
            appendLock.unlock();
        }
    }

    /** Deletes the segments numbered below {@code number} and makes the deletion durable. */
    public void deleteSegmentsBelow(long number) {
        try {
            segments.deleteBelow(number);
        } catch (IOException e) {
            throw new GlenStorageException("cannot delete covered WAL segments in " + segments.dir() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Cuts, forces and closes the current segment and creates the next (under the append lock). */
    private void startNewSegment() {
        forceLock.lock(); // no force may touch the old file while it is switched and closed
        try {
            try {
                segments.cutCurrent();
            } catch (IOException | RuntimeException e) {
                throw poison("cutting WAL segment " + WalSegmentFile.fileName(segments.number()) + " at its end failed",
                        e);
            }
            // Forced before the next segment exists: a later segment never holds records while an
            // earlier one misses some, so recovery may treat damage before the last as corruption.
            long upTo = writtenLsn;
            try {
                segments.current().force();
            } catch (IOException | RuntimeException e) {
                throw poison("forcing the WAL to stable storage failed", e);
            }
            syncs.increment();
            durableLsn = Math.max(durableLsn, upTo);
            bytesAtLastForce = bytesWritten;
            try {
                segments.switchToNext();
            } catch (IOException | RuntimeException e) {
                throw poison("creating WAL segment " + WalSegmentFile.fileName(segments.number() + 1) + " failed", e);
            }
        } finally {
            forceLock.unlock();
        }
    }

    /**
     * Poisons the log for a failure outside it that writes must not survive (the LSN high-water
     * mark could not be made durable): every later append and sync throws.
     */
    public GlenStorageException fail(String what, Throwable cause) {
        return poison(what, cause);
    }

    private GlenStorageException poison(String what, Throwable cause) {
        poison = cause;
        forcer.execute(() -> { }); // wakes the WAL thread, which wakes the writers waiting for a force
        return new GlenStorageException(what + " (" + cause.getMessage() + "); the log accepts no more "
                + "writes until the database is reopened, and recovery decides whether the failed write survives", cause);
    }

    /** Throws when the log is poisoned or closed. */
    void failIfUnusable() {
        Throwable failure = poison;
        if (failure != null) {
            unreportedFailure = false;
            throw new GlenStorageException("the write-ahead log failed earlier (" + failure.getMessage()
                    + ") and accepts no more writes until the database is reopened", failure);
        }
        if (fileClosed) {
            throw new GlenClosedException("the write-ahead log is closed");
        }
    }

    /** Whether a write or force failed. */
    public boolean isPoisoned() {
        return poison != null;
    }

    /** The failure that poisoned the log, if any. */
    public @Nullable Throwable poisonCause() {
        return poison;
    }

    /** Changes the sync policy at runtime. */
    public void setSyncMode(WalSyncMode mode, long flushEveryBytes) {
        this.flushEveryBytes = flushEveryBytes;
        this.mode = mode;
    }

    /** The current sync mode. */
    public WalSyncMode syncMode() {
        return mode;
    }

    /** The highest LSN forced to stable storage. */
    public long durableLsn() {
        return durableLsn;
    }

    /** The highest LSN handed to the operating system. */
    public long writtenLsn() {
        return writtenLsn;
    }

    /** Total bytes of all segments. */
    public long totalSize() {
        return segments.totalSize();
    }

    /** Number of segment files. */
    public int segmentCount() {
        return segments.count();
    }

    /** How many forces have completed. */
    public long syncCount() {
        return syncs.sum();
    }

    /** How many record bytes have been written since open. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Stops the WAL thread, forces what is written (unless poisoned), then closes the segment file. */
    @Override
    public void close() {
        if (!forcer.isCurrentThread()) {
            forcer.stop();
        }
        IOException closeFailure = null;
        appendLock.lock();
        try {
            if (fileClosed) {
                return;
            }
            try {
                if (poison == null) {
                    forceWritten();
                }
            } catch (GlenException e) {
                // Poisoned now; reported below like any failure nobody was told of.
                unreportedFailure = true;
            } finally {
                forcer.wakeAll();
                forceLock.lock();
                try {
                    fileClosed = true;
                    segments.closeCurrent();
                } catch (IOException e) {
                    // Everything acknowledged was forced above, so nothing is lost; but closing a log
                    // file cuts and forces it, and a failing force is news about the disk.
                    closeFailure = e;
                } finally {
                    forceLock.unlock();
                }
            }
            if (closeFailure != null && poison == null) {
                throw new GlenStorageException("closing WAL segment " + WalSegmentFile.fileName(segments.number())
                        + " failed (" + closeFailure.getMessage() + "); every acknowledged write was forced before",
                        closeFailure);
            }
            if (unreportedFailure && poison != null) {
                unreportedFailure = false;
                throw new GlenStorageException("a force of the write-ahead log failed (" + poison.getMessage()
                        + "); writes acknowledged since the last successful force may not survive a power loss",
                        poison);
            }
        } finally {
            appendLock.unlock();
        }
    }
}
