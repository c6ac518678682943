package io.glen.engine;

import java.util.Objects;

/**
 * The address of a document: its collection and id.
 *
 * @param collection the collection name
 * @param id the document id
 */
public record DocumentKey(String collection, String id) {

    /** Checks the components are present. */
    public DocumentKey {
        Objects.requireNonNull(collection, "collection must not be null");
        Objects.requireNonNull(id, "id must not be null");
    }

    @Override
    public String toString() {
        return collection + "/" + id;
    }
}
