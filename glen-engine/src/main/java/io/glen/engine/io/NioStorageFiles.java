package io.glen.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real file system through {@link FileChannel}.
 *
 * <p>{@code FileChannel} is an interruptible channel: an operation by a thread whose interrupt
 * status is set closes the channel for every user and fails with
 * {@link java.nio.channels.ClosedByInterruptException}. The WAL file is shared by all writers
 * (whoever leads a group commit does its I/O), so one cancelled task would poison the log for the
 * whole database. Every channel operation here therefore runs with the caller's interrupt status
 * cleared and restores it afterwards. An interrupt that arrives while the operation is already
 * running still closes the channel; only an uninterruptible I/O path (or a dedicated I/O thread)
 * would close that window.
 */
public final class NioStorageFiles implements StorageFiles {

    /** The shared instance. */
    public static final NioStorageFiles INSTANCE = new NioStorageFiles();

    private NioStorageFiles() {
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T call() throws IOException;
    }

    /** Runs a channel operation with the interrupt status cleared; restores it afterwards. */
    private static <T> T uninterruptibly(IoCall<T> call) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return call.call();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public StorageFile openExisting(Path file) throws IOException {
        return new NioFile(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    @Override
    public StorageFile createNew(Path file) throws IOException {
        return new NioFile(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE_NEW));
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
    }

    @Override
    public List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + source + " atomically; Glen needs it", e);
        }
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        // On Linux and macOS a directory opened for reading can be fsync'ed, which makes its entries
        // durable. Windows cannot open directories this way and orders metadata itself.
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            uninterruptibly(() -> {
                channel.force(true);
                return null;
            });
        }
    }

    @Override
    public Closeable lockDirectory(Path dir, String lockFileName) throws IOException {
        Path lockFile = dir.resolve(lockFileName);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = uninterruptibly(channel::tryLock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("the database directory " + dir + " is already open in this JVM", e);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the database directory " + dir + " is locked by another process");
        }
        return () -> {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        };
    }

    private static final class NioFile implements StorageFile {
        private final FileChannel channel;

        NioFile(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return uninterruptibly(() -> channel.read(dst, position));
        }

        @Override
        public void write(ByteBuffer src, long position) throws IOException {
            uninterruptibly(() -> {
                long at = position;
                while (src.hasRemaining()) {
                    at += channel.write(src, at);
                }
                return null;
            });
        }

        @Override
        public long size() throws IOException {
            return uninterruptibly(channel::size);
        }

        @Override
        public void truncate(long size) throws IOException {
            uninterruptibly(() -> channel.truncate(size));
        }

        @Override
        public void force() throws IOException {
            // fdatasync: flushes the data and the size needed to read it back; the WAL appends
            // never depend on other metadata (timestamps).
            uninterruptibly(() -> {
                channel.force(false);
                return null;
            });
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
