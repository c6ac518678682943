package io.glen.spring.boot.autoconfigure;

import io.glen.engine.GlenStorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory could not be opened because another process (or another {@code GlenDB} in
 * this one) holds its lock: one process opens a directory at a time.
 */
public class GlenDirectoryLockedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The lock file every open database holds (see the README's list of files). */
    static final String LOCK_FILE = "glen.lock";

    private final transient Path directory;

    GlenDirectoryLockedException(Path directory, GlenStorageException cause) {
        super("the Glen data directory " + directory + " is locked by another process", cause);
        this.directory = directory;
    }

    /** The directory. */
    public Path getDirectory() {
        return directory;
    }

    /**
     * Whether {@code directory}'s lock is held right now. Probed independently of the message of
     * the open's failure: a lock we cannot take is held, by another process or by this JVM.
     */
    static boolean isLocked(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
