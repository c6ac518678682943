package io.glen.engine.internal.wal;

import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The WAL's segment files: the one records are appended to and the closed ones before it, and
 * their lifecycle (open after recovery, create, cut, switch, delete).
 *
 * <p>The current segment, its number and the append position change only under the WAL's append
 * lock; {@link #current()} and the sizes may be read without it.
 */
final class WalSegments {

    private final StorageFiles files;
    private final Path dir;
    private final long segmentBytes;
    private final boolean mapped;
    private final ConcurrentSkipListMap<Long, Long> closedSizes = new ConcurrentSkipListMap<>();
    private volatile StorageFile current;
    private volatile long number;
    private long position;
    private volatile long currentSize;

    private WalSegments(StorageFiles files, Path dir, long segmentBytes, boolean mapped, StorageFile current,
                        long number, long position, Map<Long, Long> older) {
        this.files = files;
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.mapped = mapped;
        this.current = current;
        this.number = number;
        this.position = position;
        this.currentSize = position;
        this.closedSizes.putAll(older);
    }

    /**
     * Opens the segments after recovery: continues the last segment at its valid end (forcing it
     * and its directory entry first), or starts a new segment when there is none or when the last
     * one has no valid header.
     */
    static WalSegments open(StorageFiles files, Path dir, WalRecovery.Result recovered, long segmentBytes,
                            boolean mapped) throws IOException {
        Map<Long, Long> older = new java.util.TreeMap<>(recovered.segmentSizes());
        long number;
        StorageFile file;
        long position;
        if (recovered.lastSegment() < 0) {
            number = 0;
            file = create(files, dir, number, mapped);
            position = WalSegmentFile.HEADER_SIZE;
        } else if (recovered.lastSegmentNeedsHeader()) {
            number = recovered.lastSegment();
            older.remove(number);
            file = openExisting(files, dir, number, mapped);
            file.truncate(0);
            file.write(ByteBuffer.wrap(WalSegmentFile.header(number)), 0);
            file.force();
            position = WalSegmentFile.HEADER_SIZE;
        } else {
            number = recovered.lastSegment();
            older.remove(number);
            file = openExisting(files, dir, number, mapped);
            position = recovered.lastSegmentEnd();
            // Recovery may have read records that were written but never forced (the previous
            // process failed or was killed before the force): make them durable before they
            // count as durable or become visible.
            file.force();
        }
        if (recovered.lastSegment() >= 0) {
            // The segment may have been created by a process that failed before it synced the
            // directory; its entry must be durable before any record appended to it is.
            files.syncDirectory(dir);
        }
        return new WalSegments(files, dir, segmentBytes, mapped, file, number, position, older);
    }

    private static StorageFile openExisting(StorageFiles files, Path dir, long number, boolean mapped)
            throws IOException {
        Path path = WalSegmentFile.path(dir, number);
        return mapped ? files.openLog(path) : files.openExisting(path);
    }

    /** Creates segment {@code number} with its header, forced, and its directory entry durable. */
    private static StorageFile create(StorageFiles files, Path dir, long number, boolean mapped) throws IOException {
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

    /** The segment records go to. */
    StorageFile current() {
        return current;
    }

    /** Its number. */
    long number() {
        return number;
    }

    /** Where the next record goes in it (under the append lock). */
    long position() {
        return position;
    }

    /** Whether the current segment reached its size limit (under the append lock). */
    boolean full() {
        return position >= segmentBytes;
    }

    /** Whether the current segment holds a record (under the append lock). */
    boolean hasRecords() {
        return position > WalSegmentFile.HEADER_SIZE;
    }

    /** Appends bytes at the position (under the append lock). */
    void append(byte[] bytes, int offset, int length) throws IOException {
        current.write(bytes, offset, length, position);
        position += length;
        currentSize = position;
    }

    /**
     * Cuts the current segment at its last record: a log file may be longer than its content, with
     * zeros after it, until it is cut or closed (see {@link StorageFiles#openLog}).
     */
    void cutCurrent() throws IOException {
        current.truncate(position);
    }

    /**
     * Creates the next segment and appends to it from now on; closes the current one, which the
     * caller has cut and forced (so a later segment never holds records while an earlier one misses
     * some, and recovery may treat damage before the last segment as corruption).
     *
     * @throws IOException when the next segment cannot be created (nothing changed then)
     */
    void switchToNext() throws IOException {
        long next = number + 1;
        StorageFile created = create(files, dir, next, mapped);
        StorageFile old = current;
        closedSizes.put(number, position);
        current = created;
        number = next;
        position = WalSegmentFile.HEADER_SIZE;
        currentSize = position;
        try {
            old.close();
        } catch (IOException ignored) {
            // Its content is forced; a failing close cannot lose data.
        }
    }

    /** Every segment with its length at a record boundary (under the append lock). */
    List<long[]> list() {
        List<long[]> segments = new ArrayList<>();
        closedSizes.forEach((n, size) -> segments.add(new long[] {n, size}));
        segments.add(new long[] {number, position});
        return segments;
    }

    /** Deletes the closed segments numbered below {@code below} and makes the deletion durable. */
    void deleteBelow(long below) throws IOException {
        List<Long> doomed = new ArrayList<>(closedSizes.headMap(below).keySet());
        if (doomed.isEmpty()) {
            return;
        }
        for (long n : doomed) {
            files.deleteIfExists(WalSegmentFile.path(dir, n));
            closedSizes.remove(n);
        }
        files.syncDirectory(dir);
    }

    /** Total bytes of all segments. */
    long totalSize() {
        long total = currentSize;
        for (long size : closedSizes.values()) {
            total += size;
        }
        return total;
    }

    /** Number of segment files. */
    int count() {
        return closedSizes.size() + 1;
    }

    /** Closes the current segment file (a log file is cut and forced by its close). */
    void closeCurrent() throws IOException {
        current.close();
    }

    /** The directory. */
    Path dir() {
        return dir;
    }
}
