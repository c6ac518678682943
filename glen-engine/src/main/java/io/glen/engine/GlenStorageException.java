package io.glen.engine;

/**
 * The file system failed Glen: a write or force failed, the directory is locked by another process
 * or cannot be used. After a failed WAL write or force the log is poisoned: every pending and later
 * write fails with this exception until the database is reopened, and whether the failed write
 * survives is decided by recovery on reopen.
 */
public class GlenStorageException extends GlenException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public GlenStorageException(String message) {
        super(message);
    }

    /** An exception with a message and the I/O cause. */
    public GlenStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
