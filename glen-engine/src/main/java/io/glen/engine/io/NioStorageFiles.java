package io.glen.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The real file system through {@link FileChannel}. */
public final class NioStorageFiles implements StorageFiles {

    /** The shared instance. */
    public static final NioStorageFiles INSTANCE = new NioStorageFiles();

    /** The lock files (real paths) that databases in this JVM hold. */
    private static final Set<Path> HELD_LOCKS = ConcurrentHashMap.newKeySet();

    private NioStorageFiles() {
    }

    @Override
    public StorageFile openExisting(Path file) throws IOException {
        return new NioFile(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    @Override
    public StorageFile createNew(Path file) throws IOException {
        return new NioFile(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE_NEW));
    }

    /** A {@link MappedLogFile}: appends are memory copies into a mapping of the file. */
    @Override
    public StorageFile openLog(Path file) throws IOException {
        return mapped(openExisting(file));
    }

    /** A {@link MappedLogFile}: appends are memory copies into a mapping of the file. */
    @Override
    public StorageFile createLog(Path file) throws IOException {
        return mapped(createNew(file));
    }

    private static StorageFile mapped(StorageFile opened) throws IOException {
        try {
            return new MappedLogFile((NioFile) opened, MappedLogFile.DEFAULT_WINDOW_BYTES);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
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

    @FunctionalInterface
    private interface IoCall<T> {
        T call() throws IOException;
    }

    /**
     * Runs a call that opens its own channel with the caller's interrupt status cleared, repeating
     * it when an interrupt closed that channel anyway, and restores the status afterwards.
     */
    private static <T> T retryingInterrupts(IoCall<T> call) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return call.call();
                } catch (ClosedByInterruptException e) {
                    interrupted |= Thread.interrupted();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        // On Linux and macOS a directory opened for reading can be fsync'ed, which makes its entries
        // durable. Windows cannot open directories this way and orders metadata itself.
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return;
        }
        retryingInterrupts(() -> {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            }
            return null;
        });
    }

    @Override
    public Closeable lockDirectory(Path dir, String lockFileName) throws IOException {
        Path lockFile = dir.resolve(lockFileName);
        // Refuse a second open in this JVM BEFORE opening another channel to the lock file: the
        // lock is a POSIX record lock, which belongs to the process, and closing ANY descriptor of
        // the file drops it (see FileLock). Opening a second channel, failing to lock through it
        // and closing it would silently unlock the directory for other processes.
        Path key = dir.toRealPath().resolve(lockFileName);
        if (!HELD_LOCKS.add(key)) {
            throw new IOException("the database directory " + dir + " is already open in this JVM");
        }
        FileChannel channel;
        FileLock lock;
        try {
            FileChannel[] opened = new FileChannel[1];
            lock = retryingInterrupts(() -> {
                opened[0] = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    return opened[0].tryLock();
                } catch (ClosedByInterruptException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    opened[0].close();
                    throw e;
                }
            });
            channel = opened[0];
        } catch (OverlappingFileLockException e) {
            HELD_LOCKS.remove(key);
            throw new IOException("the database directory " + dir + " is already open in this JVM", e);
        } catch (IOException | RuntimeException e) {
            HELD_LOCKS.remove(key);
            throw e;
        }
        if (lock == null) {
            closeAfterFailedLock(channel, key);
            throw new IOException("the database directory " + dir + " is locked by another process");
        }
        return () -> {
            try {
                lock.release();
            } finally {
                try {
                    channel.close();
                } finally {
                    HELD_LOCKS.remove(key);
                }
            }
        };
    }

    private static void closeAfterFailedLock(FileChannel channel, Path key) throws IOException {
        try {
            channel.close();
        } finally {
            HELD_LOCKS.remove(key);
        }
    }
}
