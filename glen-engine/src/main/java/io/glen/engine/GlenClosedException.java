package io.glen.engine;

/** An operation was called on a {@link GlenDB} (or transaction) that is already closed. */
public class GlenClosedException extends GlenException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public GlenClosedException(String message) {
        super(message);
    }
}
