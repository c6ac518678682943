package io.glen.engine;

/** A document's encoding exceeds {@link GlenOptions#maxDocumentBytes()}; nothing was written. */
public class DocumentTooLargeException extends GlenException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    /** An exception naming the limit. */
    public DocumentTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The limit in bytes that was exceeded. */
    public long limit() {
        return limit;
    }
}
