package io.glen.engine.wal;

import io.glen.engine.GlenClosedException;
import io.glen.engine.GlenException;
import io.glen.engine.GlenStorageException;
import io.glen.engine.WalSyncMode;
import io.glen.engine.codec.ByteSink;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Appends framed batches to the current segment with group commit.
 *
 * <p>Writers {@link #append} a frame to an in-memory buffer (cheap, under the database's write
 * lock, which fixes LSN order) and then call {@link #sync(long)} outside that lock. A writer whose
 * record is not yet written (or forced) becomes the leader unless one is active: it drains
 * everything buffered so far, writes it with one call, forces it when the mode asks, and rotates
 * segments. Writers arriving meanwhile wait on a monitor and are all woken when the leader
 * finishes; those its batch covered return at once and one of the rest leads the next batch, so
 * concurrent writers share one force. There is no artificial delay.
 *
 * <p>In {@link WalSyncMode#INTERVAL} no writer waits for a force: the writer that crosses
 * {@code flushEveryBytes} asks the database's WAL thread for one (as the timer does every
 * interval), and {@link #forceWritten} holds the writers' lock only to write what is buffered,
 * then forces under a separate lock while writers keep appending. DESIGN.md asks for a force
 * after {@code flushEveryBytes}; doing it inline stalled every writer for the length of an
 * {@code fsync} of up to 8 MiB (tens of milliseconds on a VM), which dominated interval-mode
 * put throughput. The cost: the power-loss window may grow by the writes made during one force.
 *
 * <p>Segments are opened as log files ({@link StorageFiles#createLog}): on the real file system
 * "writing" a batch is a copy into a shared memory mapping of the segment, which puts it in the
 * page cache as a {@code write} call would, without the system call. Such a file is longer than
 * its records while open (zeros after them), so a segment is cut at its last record before it is
 * forced and closed by a switch to the next one; recovery cuts the zeros of a crashed last segment
 * as a torn tail. With {@code mapped} false segments are plain files written with {@code write}.
 *
 * <p>A failed write or force poisons the log: every later {@code append} and {@code sync} throws
 * {@link GlenStorageException} until the database is reopened. Retrying {@code fsync} after a
 * failure is unsafe because the kernel may already have dropped the dirty pages.
 */
public final class WalWriter implements AutoCloseable {

    private static final int INITIAL_BUFFER = 64 * 1024;
    private static final int MAX_IDLE_BUFFER = 4 * 1024 * 1024;

    private final StorageFiles files;
    private final Path dir;
    private final long segmentBytes;
    private final boolean mapped;

    private final Object bufferLock = new Object();
    private ByteSink pending = new ByteSink(INITIAL_BUFFER);
    private long lastEnqueuedLsn;

    private final ReentrantLock flushLock = new ReentrantLock();
    /**
     * Held by every force and by whatever closes a segment file; taken after {@link #flushLock}
     * when both are needed (never the other way round), so a force in interval mode can run while
     * writers keep writing under {@code flushLock}.
     */
    private final ReentrantLock forceLock = new ReentrantLock();
    private final AtomicBoolean forceRequested = new AtomicBoolean();
    private volatile @Nullable Executor backgroundForcer;
    /** A background force failed and no caller has been told yet. */
    private volatile boolean unreportedFailure;
    private final Object progress = new Object();
    private boolean leading; // guarded by progress
    private ByteSink spare = new ByteSink(INITIAL_BUFFER);
    private StorageFile current;
    private long currentNumber;
    private long position;
    private long bytesSinceForce;
    private boolean fileClosed;

    private volatile long writtenLsn;
    private volatile long durableLsn;
    private volatile @Nullable Throwable poison;
    private volatile WalSyncMode mode;
    private volatile long flushEveryBytes;

    private final ConcurrentSkipListMap<Long, Long> closedSegmentSizes = new ConcurrentSkipListMap<>();
    private volatile long currentSize;
    private final LongAdder syncs = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();

    WalWriter(StorageFiles files, Path dir, long segmentBytes, boolean mapped, WalSyncMode mode, long flushEveryBytes,
              StorageFile current, long currentNumber, long position, Map<Long, Long> olderSegments,
              long lastLsn) {
        this.files = files;
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.mapped = mapped;
        this.mode = mode;
        this.flushEveryBytes = flushEveryBytes;
        this.current = current;
        this.currentNumber = currentNumber;
        this.position = position;
        this.currentSize = position;
        this.closedSegmentSizes.putAll(olderSegments);
        this.lastEnqueuedLsn = lastLsn;
        this.writtenLsn = lastLsn;
        this.durableLsn = lastLsn;
    }

    /**
     * Opens the writer after recovery: continues the last segment at its valid end (forcing it and
     * its directory entry first), or starts a new segment when there is none or when the last one
     * has no valid header. {@code lastLsn} is where the recovered state reaches, which after a
     * compaction is higher than the last LSN the remaining log holds (snapshots cover the rest);
     * everything up to it is durable, so it starts the written and durable LSNs.
     *
     * @param mapped open segments as log files ({@link StorageFiles#openLog}, memory-mapped on the
     *     real file system) rather than plain files
     */
    public static WalWriter open(StorageFiles files, Path dir, WalRecovery.Result recovered, long lastLsn,
                                 long segmentBytes, WalSyncMode mode, long flushEveryBytes, boolean mapped) {
        try {
            Map<Long, Long> older = new java.util.TreeMap<>(recovered.segmentSizes());
            long number;
            StorageFile file;
            long position;
            if (recovered.lastSegment() < 0) {
                number = 0;
                file = createSegment(files, dir, number, mapped);
                position = WalSegmentFile.HEADER_SIZE;
            } else if (recovered.lastSegmentNeedsHeader()) {
                number = recovered.lastSegment();
                older.remove(number);
                file = openSegment(files, dir, number, mapped);
                file.truncate(0);
                file.write(ByteBuffer.wrap(WalSegmentFile.header(number)), 0);
                file.force();
                position = WalSegmentFile.HEADER_SIZE;
            } else {
                number = recovered.lastSegment();
                older.remove(number);
                file = openSegment(files, dir, number, mapped);
                position = recovered.lastSegmentEnd();
                // Recovery may have read records that were written but never forced (the previous
                // process failed or was killed before the force): make them durable before they
                // count as durable (durableLsn starts at the recovered LSN) or become visible.
                file.force();
            }
            if (recovered.lastSegment() >= 0) {
                // The segment may have been created by a process that failed before it synced the
                // directory; its entry must be durable before any record appended to it is.
                files.syncDirectory(dir);
            }
            return new WalWriter(files, dir, segmentBytes, mapped, mode, flushEveryBytes, file, number, position,
                    older, Math.max(lastLsn, recovered.lastLsn()));
        } catch (IOException e) {
            throw new GlenStorageException("cannot open the write-ahead log in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static StorageFile openSegment(StorageFiles files, Path dir, long number, boolean mapped)
            throws IOException {
        Path path = WalSegmentFile.path(dir, number);
        return mapped ? files.openLog(path) : files.openExisting(path);
    }

    private static StorageFile createSegment(StorageFiles files, Path dir, long number, boolean mapped)
            throws IOException {
        Path path = WalSegmentFile.path(dir, number);
        StorageFile file = mapped ? files.createLog(path) : files.createNew(path);
        boolean done = false;
        try {
            file.write(ByteBuffer.wrap(WalSegmentFile.header(number)), 0);
            file.force();
            files.syncDirectory(dir);
            done = true;
            return file;
        } finally {
            if (!done) {
                file.close();
            }
        }
    }

    /** Buffers the frame of a batch; call with LSNs in increasing order (the caller's lock). */
    public void append(long lsn, byte[] encodedEntries) {
        failIfUnusable();
        synchronized (bufferLock) {
            WalRecordCodec.appendFrame(pending, lsn, encodedEntries);
            lastEnqueuedLsn = lsn;
        }
    }

    /**
     * Buffers a skip frame (see {@link WalRecordCodec#appendSkipFrame}); like {@link #append}, under
     * the caller's lock, and {@code lsn} becomes the last enqueued LSN.
     */
    public void appendSkip(long lsn, long previousLsn) {
        failIfUnusable();
        synchronized (bufferLock) {
            WalRecordCodec.appendSkipFrame(pending, lsn, previousLsn);
            lastEnqueuedLsn = lsn;
        }
    }

    /**
     * Returns once the record with {@code lsn} is written to the operating system, and forced under
     * {@link WalSyncMode#ALWAYS}.
     *
     * @throws GlenStorageException when the log is (or becomes) poisoned before that
     */
    public void sync(long lsn) {
        sync(lsn, mode == WalSyncMode.ALWAYS);
    }

    /**
     * Returns once the record with {@code lsn} is written to the operating system and, with
     * {@code force}, forced.
     *
     * @throws GlenStorageException when the log is (or becomes) poisoned before that
     */
    public void sync(long lsn, boolean force) {
        boolean interrupted = false;
        try {
            while (!satisfied(lsn, force)) {
                synchronized (progress) {
                    if (leading) {
                        // A leader is writing (and forcing): wait for it instead of queueing on the
                        // flush lock, so that every writer its batch covered wakes at once.
                        while (leading && !satisfied(lsn, force) && poison == null) {
                            try {
                                progress.wait();
                            } catch (InterruptedException e) {
                                interrupted = true;
                            }
                        }
                        continue;
                    }
                    leading = true;
                }
                try {
                    lead(lsn, force);
                } finally {
                    synchronized (progress) {
                        leading = false;
                        progress.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Drains, writes and (when asked) forces everything buffered so far, for {@code lsn} and its followers. */
    private void lead(long lsn, boolean force) {
        flushLock.lock();
        try {
            if (satisfied(lsn, force)) {
                return;
            }
            failIfUnusable();
            writePending();
            if (force) {
                forceCurrent();
            } else if (mode == WalSyncMode.INTERVAL && bytesSinceForce >= flushEveryBytes) {
                requestForce();
            }
            rotateIfFull();
        } finally {
            flushLock.unlock();
        }
    }

    private boolean satisfied(long lsn, boolean force) {
        return force ? durableLsn >= lsn : writtenLsn >= lsn;
    }

    /**
     * Lets interval-mode forces run on {@code forcer} (the database's WAL timer thread): a writer
     * that crosses {@code flushEveryBytes} then asks for a force instead of forcing while every
     * other writer waits. Without a forcer the writer forces inline.
     */
    public void useBackgroundForcer(Executor forcer) {
        this.backgroundForcer = forcer;
    }

    /** Called under {@link #flushLock} when interval mode is due for a force. */
    private void requestForce() {
        Executor forcer = backgroundForcer;
        if (forcer == null) {
            forceCurrent();
            return;
        }
        if (forceRequested.compareAndSet(false, true)) {
            try {
                forcer.execute(this::forceInBackground);
            } catch (RejectedExecutionException e) {
                // Shutting down: close() forces everything written.
                forceRequested.set(false);
            }
        }
    }

    /**
     * {@link #forceWritten} for the WAL thread: a failure poisons the log and is reported by the
     * next write, sync or {@link #close} instead of being thrown here.
     */
    public void forceInBackground() {
        try {
            forceWritten();
        } catch (GlenException e) {
            // Poisoned: the next write, sync or close reports it (close when nobody else did).
            unreportedFailure = true;
        }
    }

    /**
     * Writes what is buffered and forces everything written so far, holding the writers' lock only
     * for the write: the force itself runs while writers go on appending and writing (interval
     * mode's background force and timer).
     */
    public void forceWritten() {
        forceRequested.set(false);
        StorageFile file;
        long upTo;
        flushLock.lock();
        try {
            if (fileClosed) {
                return;
            }
            failIfUnusable();
            writePending();
            if (durableLsn >= writtenLsn) {
                return;
            }
            file = current;
            upTo = writtenLsn;
            bytesSinceForce = 0;
        } finally {
            flushLock.unlock();
        }
        forceLock.lock();
        try {
            // A rotation or close since then forced (and closed) that segment itself.
            if (file != current || fileClosed || durableLsn >= upTo) {
                return;
            }
            failIfUnusable();
            try {
                file.force();
            } catch (IOException | RuntimeException e) {
                throw poison("forcing the WAL to stable storage failed", e);
            }
            syncs.increment();
            durableLsn = Math.max(durableLsn, upTo);
        } finally {
            forceLock.unlock();
        }
    }

    /** Writes and forces everything buffered (close, snapshots, backups). */
    public void flushAndForce() {
        flushLock.lock();
        try {
            if (fileClosed) {
                return;
            }
            failIfUnusable();
            writePending();
            if (durableLsn < writtenLsn) {
                forceCurrent();
            }
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Flushes, forces and starts a new segment unless the current one holds no record. Called with
     * the database's write lock held, so that every record up to the caller's LSN lands in the
     * segments before the returned one.
     *
     * @return the number of the segment that new records go to
     */
    public long rotate() {
        flushLock.lock();
        try {
            failIfUnusable();
            writePending();
            if (position > WalSegmentFile.HEADER_SIZE) {
                startNewSegment();
            } else if (durableLsn < writtenLsn) {
                forceCurrent();
            }
            return currentNumber;
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Flushes and forces, then lists every segment with its length at a record boundary, for an
     * online backup: later appends only add bytes after these lengths.
     */
    public List<long[]> flushAndListSegments() {
        flushLock.lock();
        try {
            failIfUnusable();
            writePending();
            if (durableLsn < writtenLsn) {
                forceCurrent();
            }
            List<long[]> segments = new ArrayList<>();
            closedSegmentSizes.forEach((number, size) -> segments.add(new long[] {number, size}));
            segments.add(new long[] {currentNumber, position});
            return segments;
        } finally {
            flushLock.unlock();
        }
    }

    /** Deletes the segments numbered below {@code number} and makes the deletion durable. */
    public void deleteSegmentsBelow(long number) {
        List<Long> doomed = new ArrayList<>(closedSegmentSizes.headMap(number).keySet());
        if (doomed.isEmpty()) {
            return;
        }
        try {
            for (long n : doomed) {
                files.deleteIfExists(WalSegmentFile.path(dir, n));
                closedSegmentSizes.remove(n);
            }
            files.syncDirectory(dir);
        } catch (IOException e) {
            throw new GlenStorageException("cannot delete covered WAL segments in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void writePending() {
        ByteSink batch;
        long upTo;
        synchronized (bufferLock) {
            batch = pending;
            pending = spare;
            spare = batch;
            upTo = lastEnqueuedLsn;
        }
        int size = batch.size();
        if (size > 0) {
            try {
                current.write(ByteBuffer.wrap(batch.array(), 0, size), position);
            } catch (IOException | RuntimeException | InternalError e) {
                // InternalError: a memory-mapped copy faulted (reported asynchronously, so it may
                // surface here rather than inside the write).
                batch.reset();
                throw poison("write to the WAL failed", e);
            }
            position += size;
            currentSize = position;
            bytesSinceForce += size;
            bytesWritten.add(size);
            if (batch.array().length > MAX_IDLE_BUFFER) {
                spare = new ByteSink(INITIAL_BUFFER);
            } else {
                batch.reset();
            }
        }
        writtenLsn = upTo;
    }

    /** Forces the current segment; called under {@link #flushLock}. */
    private void forceCurrent() {
        long upTo = writtenLsn;
        forceLock.lock();
        try {
            current.force();
            syncs.increment();
            bytesSinceForce = 0;
            durableLsn = Math.max(durableLsn, upTo);
        } catch (IOException | RuntimeException e) {
            throw poison("forcing the WAL to stable storage failed", e);
        } finally {
            forceLock.unlock();
        }
    }

    private void rotateIfFull() {
        if (position >= segmentBytes) {
            startNewSegment();
        }
    }

    private void startNewSegment() {
        forceLock.lock(); // no background force may touch the old file while it is closed
        try {
            switchSegment();
        } finally {
            forceLock.unlock();
        }
    }

    private void switchSegment() {
        // The old segment is forced before the new one exists, so a later segment never holds
        // records while an earlier one misses some: recovery may treat any damage before the last
        // segment as corruption rather than a torn tail. For the same reason it is first cut at its
        // last record: a log file may be longer than its content, with zeros after it, until it is
        // cut or closed (see StorageFiles.openLog).
        try {
            current.truncate(position);
        } catch (IOException | RuntimeException e) {
            throw poison("cutting WAL segment " + WalSegmentFile.fileName(currentNumber) + " at its end failed", e);
        }
        forceCurrent();
        long next = currentNumber + 1;
        StorageFile created;
        try {
            created = createSegment(files, dir, next, mapped);
        } catch (IOException | RuntimeException e) {
            throw poison("creating WAL segment " + WalSegmentFile.fileName(next) + " failed", e);
        }
        StorageFile old = current;
        closedSegmentSizes.put(currentNumber, position);
        current = created;
        currentNumber = next;
        position = WalSegmentFile.HEADER_SIZE;
        currentSize = position;
        try {
            old.close();
        } catch (IOException ignored) {
            // Its content is forced; a failing close cannot lose data.
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
        return new GlenStorageException(what + " (" + cause.getMessage() + "); the log accepts no more "
                + "writes until the database is reopened, and recovery decides whether the failed write survives", cause);
    }

    private void failIfUnusable() {
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
        long total = currentSize;
        for (long size : closedSegmentSizes.values()) {
            total += size;
        }
        return total;
    }

    /** Number of segment files. */
    public int segmentCount() {
        return closedSegmentSizes.size() + 1;
    }

    /** How many forces have completed. */
    public long syncCount() {
        return syncs.sum();
    }

    /** How many record bytes have been written since open. */
    public long bytesWritten() {
        return bytesWritten.sum();
    }

    /** Flushes and forces what is buffered (unless poisoned), then closes the segment file. */
    @Override
    public void close() {
        IOException closeFailure = null;
        flushLock.lock();
        try {
            if (fileClosed) {
                return;
            }
            try {
                if (poison == null) {
                    writePending();
                    if (durableLsn < writtenLsn) {
                        forceCurrent();
                    }
                }
            } finally {
                forceLock.lock();
                try {
                    fileClosed = true;
                    current.close();
                } catch (IOException e) {
                    // Everything acknowledged was forced above, so nothing is lost; but closing a log
                    // file cuts and forces it, and a failing force is news about the disk.
                    closeFailure = e;
                } finally {
                    forceLock.unlock();
                }
            }
            if (closeFailure != null && poison == null) {
                throw new GlenStorageException("closing WAL segment " + WalSegmentFile.fileName(currentNumber)
                        + " failed (" + closeFailure.getMessage() + "); every acknowledged write was forced before",
                        closeFailure);
            }
            if (unreportedFailure && poison != null) {
                unreportedFailure = false;
                throw new GlenStorageException("a background force of the write-ahead log failed ("
                        + poison.getMessage() + "); writes acknowledged since the last successful force may "
                        + "not survive a power loss", poison);
            }
        } finally {
            flushLock.unlock();
        }
    }
}
