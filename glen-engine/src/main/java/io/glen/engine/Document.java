package io.glen.engine;

import io.glen.engine.value.Value;
import java.util.Objects;

/**
 * A stored document.
 *
 * @param collection the collection it lives in
 * @param id its id
 * @param version its version: the log sequence number of the write that produced it, so versions
 *     grow with every change and are never reused, not even after a delete and re-create
 * @param value its (immutable, shared) value
 */
public record Document(String collection, String id, long version, Value value) {

    /** Checks the components. */
    public Document {
        Objects.requireNonNull(collection, "collection must not be null");
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(value, "value must not be null");
    }
}
