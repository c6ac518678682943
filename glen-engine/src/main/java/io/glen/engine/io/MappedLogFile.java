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
 * needs one begins. Before a window is mapped, the part of it beyond the file's end is written as
 * zeros through the channel: that allocates the space (or reserves it, with delayed allocation),
 * so a full disk fails that {@code write} with an {@link IOException} instead of faulting later
 * inside a memory copy. Until the file is truncated or closed it is therefore longer than its
 * content, with zeros after the last write; a crash leaves it so, and WAL recovery treats zeros
 * after the last record as a torn tail (as it does for zero-filled blocks after a power loss) and
 * cuts them. {@link #size} reports the content's end, {@link #close} cuts the zeros off.
 *
 * <p>Windows a write has moved past stay mapped until the next {@link #force}, {@link #truncate}
 * or {@link #close}, which unmap them, so no force ever syncs memory that is already unmapped.
 * Writes may run while another thread forces; the force syncs what was written before it started.
 * A write before the current window (never done by the WAL, which only rewrites a header after
 * truncating) goes through the channel, which shares the page cache with the mapping.
 *
 * <p>If the file system cannot back a mapped page anyway (a copy-on-write file system out of
 * space), the JVM reports the fault as an {@link InternalError} from the copy; it is turned into an
 * {@link IOException}, which poisons the WAL like any failed write.
 */
final class MappedLogFile implements StorageFile {

    /** The default size of a mapped window. */
    static final int DEFAULT_WINDOW_BYTES = 1 << 20;

    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();

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
    private long physicalSize;
    private boolean fileForceNeeded;
    private boolean closed;

    MappedLogFile(NioFile file, int windowSize) throws IOException {
        if (windowSize < 4096) {
            throw new IllegalArgumentException("window must be at least 4096 bytes: " + windowSize);
        }
        this.file = file;
        this.windowSize = windowSize;
        this.physicalSize = file.size();
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
                    fileForceNeeded = true;
                    return;
                }
                if (window == null || !window.covers(at)) {
                    window = map(at);
                }
                int offset = (int) (at - window.start);
                int n = Math.min(src.remaining(), window.size - offset);
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

    /** Maps a new window starting at {@code start}, zero-filling the file up to its end first. */
    private Window map(long start) throws IOException {
        long windowEnd = start + windowSize;
        if (physicalSize < windowEnd) {
            long from = physicalSize;
            file.io(ch -> {
                long at = from;
                while (at < windowEnd) {
                    ByteBuffer zeros = ZEROS.duplicate();
                    zeros.limit((int) Math.min(zeros.capacity(), windowEnd - at));
                    while (zeros.hasRemaining()) {
                        at += ch.write(zeros, at);
                    }
                }
                return null;
            });
            physicalSize = windowEnd;
            fileForceNeeded = true;
        }
        MappedByteBuffer buffer = file.io(ch -> ch.map(FileChannel.MapMode.READ_WRITE, start, windowSize));
        if (current != null) {
            retired.add(current);
        }
        Window window = new Window(start, windowSize, buffer);
        current = window;
        return window;
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
                // syncs them through the file.
                boolean dirty = unmapAll();
                fileForceNeeded |= dirty;
                if (size < physicalSize) {
                    file.truncate(size);
                    physicalSize = size;
                    fileForceNeeded = true;
                }
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

    /** Unmaps every window (under both locks); returns whether any held unforced writes. */
    private boolean unmapAll() {
        boolean dirty = false;
        for (Window window : retired) {
            dirty |= window.dirty();
            MappedBuffers.unmap(window.buffer);
        }
        retired.clear();
        if (current != null) {
            dirty |= current.dirty();
            MappedBuffers.unmap(current.buffer);
            current = null;
        }
        return dirty;
    }

    /**
     * Unmaps the windows and cuts the zeros after the content off (not forced: zeros that come
     * back after a power loss are a torn tail to recovery), then closes the channel.
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
