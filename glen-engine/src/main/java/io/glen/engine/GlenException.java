package io.glen.engine;

/** The base of every exception Glen throws for a database-level failure. */
public class GlenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public GlenException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public GlenException(String message, Throwable cause) {
        super(message, cause);
    }
}
