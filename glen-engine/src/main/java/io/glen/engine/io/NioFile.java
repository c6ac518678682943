package io.glen.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file whose channel survives thread interrupts. NIO closes a {@link FileChannel} when a
 * thread blocked in it is interrupted, which would turn any interrupted caller (a cancelled
 * request, an executor shutting down) into a failed WAL. Here the caller's interrupt status is
 * cleared for the operation and restored afterwards, and a channel closed by an interrupt is
 * reopened and the operation repeated: positional reads and writes are idempotent, and a force
 * through a new descriptor flushes the same dirty pages, which closing the old one did not drop.
 */
final class NioFile implements StorageFile {
    private final Path path;
    private volatile FileChannel channel;
    private volatile boolean closed;

    NioFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** An operation on the current channel. */
    @FunctionalInterface
    interface ChannelOp<T> {
        T apply(FileChannel channel) throws IOException;
    }

    /** Runs {@code op} on the channel, surviving interrupts as described above. */
    <T> T io(ChannelOp<T> op) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                FileChannel current = channel;
                try {
                    return op.apply(current);
                } catch (ClosedChannelException e) {
                    // Closed by an interrupt (of this or another thread), not by us: reopen and
                    // repeat for as long as interrupts keep coming.
                    interrupted |= Thread.interrupted();
                    if (closed) {
                        throw e;
                    }
                    reopen(current);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void reopen(FileChannel failed) throws IOException {
        if (channel == failed && !closed) {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
    }

    /** A read-only memory mapping of the range, unmapped when the view is closed. */
    @Override
    public FileView view(long position, int length) throws IOException {
        MappedByteBuffer mapped = io(ch -> ch.map(FileChannel.MapMode.READ_ONLY, position, length));
        return new FileView() {
            @Override
            public ByteBuffer bytes() {
                return mapped;
            }

            @Override
            public void close() {
                MappedBuffers.unmap(mapped);
            }
        };
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int start = dst.position();
        return io(ch -> {
            dst.position(start);
            return ch.read(dst, position);
        });
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
        int start = src.position();
        io(ch -> {
            src.position(start);
            long at = position;
            while (src.hasRemaining()) {
                at += ch.write(src, at);
            }
            return null;
        });
    }

    @Override
    public long size() throws IOException {
        return io(FileChannel::size);
    }

    @Override
    public void truncate(long size) throws IOException {
        io(ch -> ch.truncate(size));
    }

    @Override
    public void force() throws IOException {
        // fdatasync: flushes the data and the size needed to read it back; the WAL appends
        // never depend on other metadata (timestamps).
        io(ch -> {
            ch.force(false);
            return null;
        });
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }
}
