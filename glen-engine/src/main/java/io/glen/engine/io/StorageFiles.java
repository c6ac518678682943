package io.glen.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file system operations Glen's WAL, snapshots and backups need. Implementations must give
 * {@link #move} atomic-replace semantics and make {@link #syncDirectory} durable for entries
 * created, renamed or deleted in the directory.
 */
public interface StorageFiles {

    /** Opens an existing file for reading and writing. */
    StorageFile openExisting(Path file) throws IOException;

    /** Creates a new, empty file, failing if it exists; the directory entry is not yet durable. */
    StorageFile createNew(Path file) throws IOException;

    /**
     * Opens an existing file that is used as a log: appended to at increasing positions, read back
     * only after it is closed (or by a reader that stops at the content's end). An implementation
     * may leave the file on disk longer than its content, with zero bytes after the last write,
     * until {@link StorageFile#truncate} or {@link StorageFile#close}; a crash can leave such zeros,
     * which log recovery treats as a torn tail. {@link StorageFile#size} is the content's end. By
     * default the same as {@link #openExisting}.
     */
    default StorageFile openLog(Path file) throws IOException {
        return openExisting(file);
    }

    /** Creates a new, empty log file (see {@link #openLog}); by default the same as {@link #createNew}. */
    default StorageFile createLog(Path file) throws IOException {
        return createNew(file);
    }

    /** Whether a file or directory exists. */
    boolean exists(Path path);

    /** Creates a directory and any missing parents. */
    void createDirectories(Path dir) throws IOException;

    /** The names of the regular files directly inside {@code dir}. */
    List<String> list(Path dir) throws IOException;

    /** Deletes a file if it exists. */
    void deleteIfExists(Path file) throws IOException;

    /** Renames {@code source} to {@code target} atomically, replacing {@code target}. */
    void move(Path source, Path target) throws IOException;

    /** Makes the directory's entries (creations, renames, deletions) durable. */
    void syncDirectory(Path dir) throws IOException;

    /**
     * Takes an exclusive lock that keeps other processes (and other opens in this JVM) off the
     * directory; closing the returned handle releases it.
     *
     * @throws IOException with a clear message when the lock is held elsewhere
     */
    Closeable lockDirectory(Path dir, String lockFileName) throws IOException;
}
