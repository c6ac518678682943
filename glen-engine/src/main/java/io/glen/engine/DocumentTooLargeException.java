package io.glen.engine;

import org.jspecify.annotations.Nullable;

/**
 * A document's encoding exceeds {@link GlenOptions#maxDocumentBytes()}; nothing was written. Thrown
 * by writes, it names the collection, the document id, the encoded size and the limit.
 */
public class DocumentTooLargeException extends GlenException {

    private static final long serialVersionUID = 1L;

    private final long limit;
    private final long size;
    private final @Nullable String collection;
    private final @Nullable String docId;

    /** An exception naming the limit only (the encoder does not know which document it encodes). */
    public DocumentTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
        this.size = -1;
        this.collection = null;
        this.docId = null;
    }

    /** An exception naming the document, its encoded size and the limit. */
    public DocumentTooLargeException(String collection, String docId, long size, long limit) {
        super("document '" + docId + "' in collection '" + collection + "' encodes to " + size
                + " bytes, over the maximum of " + limit + " bytes (maxDocumentBytes)");
        this.limit = limit;
        this.size = size;
        this.collection = collection;
        this.docId = docId;
    }

    /** The limit in bytes that was exceeded. */
    public long limit() {
        return limit;
    }

    /** The document's encoded size in bytes, or -1 when not known. */
    public long size() {
        return size;
    }

    /** The collection written to, or null when not known. */
    public @Nullable String collection() {
        return collection;
    }

    /** The id of the document, or null when not known. */
    public @Nullable String docId() {
        return docId;
    }
}
