package io.glen.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A log file whose appends are copied into a shared memory mapping of the file instead of going
 * through {@code write(2)}.
 *
 * <p>Why: a WAL append in interval mode must reach the operating system before the write is
 * acknowledged, so that a crash of the JVM ({@code kill -9}) loses nothing acknowledged. Copying
 * into a {@code MAP_SHARED} mapping gives exactly that (the bytes are in the kernel's page cache
 * the moment the copy ends) for the price of a memory copy, where a {@code pwrite} of a few
 * hundred bytes costs a system call, file-system locking and a timestamp update, which measured
 * several times the rest of a small put. Durability is unchanged: {@link #force} syncs the written
 * ranges with {@link MappedByteBuffer#force(int, int)} ({@code msync(MS_SYNC)}, which on Linux is
 * {@code fdatasync} of the range) and, when the file grew, the file itself.
 *
 * <p>The file is mapped in windows of {@code windowSize} bytes starting where the write that
 * needs one begins; mapping extends the file sparsely to the window's end. Before a write lands
 * in a part of the window that holds no data yet, that part is written as zeros through the
 * channel, {@value #FILL_BYTES} bytes at a time: that allocates the space (or reserves it, with
 * delayed allocation), so a full disk fails that {@code write} with an {@link IOException} instead
 * of faulting later inside a memory copy, while at most {@value #FILL_BYTES} bytes of zeros ahead
 * of the records can reach the disk before the records overwrite them. Until the file is truncated
 * or closed it is therefore longer than its content, with zeros (and a sparse hole) after the last
 * write; a crash leaves it so, and WAL recovery treats zeros after the last record as a torn tail
 * (as it does for zero-filled blocks after a power loss) and cuts them. {@link #size} reports the
 * content's end, {@link #close} cuts the rest off (durably).
 *
 * <p>Windows a write has moved past stay mapped until the next {@link #force}, {@link #truncate}
 * or {@link #close}, which unmap them, so no force ever syncs memory that is already unmapped.
 * Writes may run while another thread forces; the force syncs what was written before it started.
 * A write before the current window (never done by the WAL, which only rewrites a header after
 * truncating) goes through the channel, which shares the page cache with the mapping.
 *
 * <p>If the file system cannot back a mapped page anyway (a copy-on-write file system out of
 * space, an I/O error reading a page back in, another process cutting the file), the JVM reports
 * the fault as an {@link InternalError}, asynchronously: it may surface only when {@link #write}
 * has returned to its caller. The catch here turns the ones that surface inside into an
 * {@link IOException}; callers must treat an {@code InternalError} from around a write the same
 * way ({@code WalWriter} poisons the log on either).
 */
final class MappedLogFile implements StorageFile {

    /** The default size of a mapped window. */
    static final int DEFAULT_WINDOW_BYTES = 1 << 20;

    /** How much of a window is allocated (written as zeros) ahead of the records at a time. */
    static final int FILL_BYTES = 64 * 1024;

    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(FILL_BYTES).asReadOnlyBuffer();

    /** A mapped range of the file and what was written to it since it was last forced. */
    private static final class Window {
        final long start;
        final int size;
        final MappedByteBuffer buffer;
        long dirtyFrom = Long.MAX_VALUE;
        long dirtyTo = Long.MIN_VALUE;

        Window(long start, int size, MappedByteBuffer buffer) {
            this.start = start;
            this.size = size;
            this.buffer = buffer;
        }

        boolean covers(long position) {
            return position >= start && position < start + size;
        }

        boolean dirty() {
            return dirtyFrom < dirtyTo;
        }
    }

    /** A range to sync, taken from a window under the lock. */
    private record Range(MappedByteBuffer buffer, int index, int length) {
    }

    private final NioFile file;
    private final int windowSize;
    /** Held by {@link #force} for its whole run and by whatever unmaps windows; taken before {@link #lock}. */
    private final Object forcing = new Object();
    /** Guards the fields below; writes hold it only for the copy. */
    private final Object lock = new Object();
    private @Nullable Window current;
    private final List<Window> retired = new ArrayList<>();
    private long end;
    /** The file's length, including the sparse end of the last mapped window. */
    private long physicalSize;
    /** Up to where the file's space was written (content or zeros), so a mapped copy cannot fault for space. */
    private long filledTo;
    /**
     * Whether the next force must also force the file through the channel: its length or data
     * written through the channel changed, or it was just opened (a previous process may have left
     * written but unforced records, which the first force must make durable).
     */
    private boolean fileForceNeeded = true;
    private long fileForces;
    private boolean closed;

    MappedLogFile(NioFile file, int windowSize) throws IOException {
        if (windowSize < 4096) {
            throw new IllegalArgumentException("window must be at least 4096 bytes: " + windowSize);
        }
        this.file = file;
        this.windowSize = windowSize;
        this.physicalSize = file.size();
        this.filledTo = physicalSize;
        this.end = physicalSize;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        long limit;
        synchronized (lock) {
            checkOpen();
            limit = end;
        }
        if (position >= limit) {
            return -1;
        }
        if (dst.remaining() > limit - position) {
            ByteBuffer part = dst.slice(dst.position(), (int) (limit - position));
            int n = file.read(part, position);
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        return file.read(dst, position);
    }

    /**
     * The WAL's append: straight from the array into the mapped window when the bytes fit in it
     * (the common case), otherwise as {@link #write(ByteBuffer, long)}.
     */
    @Override
    public void write(byte[] src, int offset, int length, long position) throws IOException {
        synchronized (lock) {
            checkOpen();
            Window window = current;
            if (window != null && position >= window.start && position + length <= window.start + window.size) {
                fill(position + length, window.start + window.size);
                try {
                    window.buffer.put((int) (position - window.start), src, offset, length);
                } catch (InternalError e) {
                    throw new IOException("the file system could not back the mapped log file (out of space?): "
                            + e.getMessage(), e);
                }
                window.dirtyFrom = Math.min(window.dirtyFrom, position);
                window.dirtyTo = Math.max(window.dirtyTo, position + length);
                noteWritten(position + length);
                return;
            }
        }
        write(ByteBuffer.wrap(src, offset, length), position);
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
        synchronized (lock) {
            checkOpen();
            long at = position;
            while (src.hasRemaining()) {
                Window window = current;
                if (window != null && at < window.start) {
                    // Rewriting bytes before the mapped range: through the channel (same page cache).
                    int n = src.remaining();
                    file.write(src, at);
                    src.position(src.limit());
                    noteWritten(at + n);
                    physicalSize = Math.max(physicalSize, at + n);
                    if (at <= filledTo) {
                        filledTo = Math.max(filledTo, at + n);
                    }
                    fileForceNeeded = true;
                    return;
                }
                if (window == null || !window.covers(at)) {
                    window = map(at);
                }
                int offset = (int) (at - window.start);
                int n = Math.min(src.remaining(), window.size - offset);
                fill(at + n, window.start + window.size);
                try {
                    window.buffer.put(offset, src, src.position(), n);
                } catch (InternalError e) {
                    throw new IOException("the file system could not back the mapped log file (out of space?): "
                            + e.getMessage(), e);
                }
                src.position(src.position() + n);
                window.dirtyFrom = Math.min(window.dirtyFrom, at);
                window.dirtyTo = Math.max(window.dirtyTo, at + n);
                at += n;
                noteWritten(at);
            }
        }
    }

    private void noteWritten(long upTo) {
        end = Math.max(end, upTo);
    }

    /** Maps a new window starting at {@code start} (extending the file sparsely when needed). */
    private Window map(long start) throws IOException {
        long windowEnd = start + windowSize;
        MappedByteBuffer buffer = file.io(ch -> ch.map(FileChannel.MapMode.READ_WRITE, start, windowSize));
        if (physicalSize < windowEnd) {
            physicalSize = windowEnd;
            fileForceNeeded = true;
        }
        if (current != null) {
            retired.add(current);
        }
        Window window = new Window(start, windowSize, buffer);
        current = window;
        return window;
    }

    /**
     * Writes zeros through the channel from {@link #filledTo} to past {@code upTo} (a multiple of
     * {@link #FILL_BYTES}, at most {@code limit}), so the space under a mapped copy is allocated.
     */
    private void fill(long upTo, long limit) throws IOException {
        if (filledTo >= upTo) {
            return;
        }
        long from = filledTo;
        long to = Math.min(limit, (upTo + FILL_BYTES - 1) / FILL_BYTES * FILL_BYTES);
        file.io(ch -> {
            long at = from;
            while (at < to) {
                ByteBuffer zeros = ZEROS.duplicate();
                zeros.limit((int) Math.min(zeros.capacity(), to - at));
                while (zeros.hasRemaining()) {
                    at += ch.write(zeros, at);
                }
            }
            return null;
        });
        filledTo = to;
        physicalSize = Math.max(physicalSize, to);
        fileForceNeeded = true;
    }

    @Override
    public long size() throws IOException {
        synchronized (lock) {
            checkOpen();
            return end;
        }
    }

    @Override
    public void truncate(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
        synchronized (forcing) {
            synchronized (lock) {
                checkOpen();
                // Dirty pages of an unmapped shared mapping stay in the page cache; the next force
                // syncs them through the file (as it does for the new length).
                unmapAll();
                fileForceNeeded = true;
                if (size < physicalSize) {
                    file.truncate(size);
                    physicalSize = size;
                }
                filledTo = Math.min(filledTo, size);
                end = Math.min(end, size);
            }
        }
    }

    @Override
    public void force() throws IOException {
        synchronized (forcing) {
            List<Range> ranges = new ArrayList<>(2);
            List<Window> done;
            boolean forceFile;
            synchronized (lock) {
                checkOpen();
                done = new ArrayList<>(retired);
                retired.clear();
                for (Window window : done) {
                    addRange(ranges, window);
                }
                if (current != null) {
                    addRange(ranges, current);
                }
                forceFile = fileForceNeeded;
                fileForceNeeded = false;
            }
            boolean ok = false;
            try {
                for (Range range : ranges) {
                    range.buffer.force(range.index, range.length);
                }
                if (forceFile) {
                    file.force();
                    synchronized (lock) {
                        fileForces++;
                    }
                }
                ok = true;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                if (!ok) {
                    synchronized (lock) {
                        fileForceNeeded = true;
                    }
                }
                for (Window window : done) {
                    MappedBuffers.unmap(window.buffer);
                }
            }
        }
    }

    private static void addRange(List<Range> ranges, Window window) {
        if (window.dirty()) {
            ranges.add(new Range(window.buffer, (int) (window.dirtyFrom - window.start),
                    (int) (window.dirtyTo - window.dirtyFrom)));
            window.dirtyFrom = Long.MAX_VALUE;
            window.dirtyTo = Long.MIN_VALUE;
        }
    }

    /** Unmaps every window (under both locks). */
    private void unmapAll() {
        for (Window window : retired) {
            MappedBuffers.unmap(window.buffer);
        }
        retired.clear();
        if (current != null) {
            MappedBuffers.unmap(current.buffer);
            current = null;
        }
    }

    /** How many forces also forced the file through the channel (for tests). */
    long fileForces() {
        synchronized (lock) {
            return fileForces;
        }
    }

    /**
     * Unmaps the windows, cuts the zeros after the content off and forces the file, so a closed
     * log file holds exactly its content, durably, then closes the channel.
     */
    @Override
    public void close() throws IOException {
        synchronized (forcing) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    unmapAll();
                    if (physicalSize > end) {
                        file.truncate(end);
                        physicalSize = end;
                        filledTo = Math.min(filledTo, end);
                        file.force();
                    }
                } finally {
                    file.close();
                }
            }
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new java.nio.channels.ClosedChannelException();
        }
    }
}
