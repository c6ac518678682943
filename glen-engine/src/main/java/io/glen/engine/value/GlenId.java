package io.glen.engine.value;

import java.util.Objects;

/**
 * A reference to a document, stored inside values of kind {@link ValueKind#ID}.
 *
 * @param collection the collection name
 * @param docId the document id
 * @param version the referenced version, or {@code 0} for "whatever version is current"
 */
public record GlenId(String collection, String docId, long version) {

    /** Creates a reference; collection and id must not be null, version must not be negative. */
    public GlenId {
        Objects.requireNonNull(collection, "collection must not be null");
        Objects.requireNonNull(docId, "docId must not be null");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** A reference to the current version of a document. */
    public static GlenId of(String collection, String docId) {
        return new GlenId(collection, docId, 0);
    }
}
