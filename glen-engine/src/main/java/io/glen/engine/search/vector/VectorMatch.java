package io.glen.engine.search.vector;

import java.util.Objects;

/**
 * One result of a vector search.
 *
 * @param id the document id
 * @param score how similar the document's vector is to the query; higher is more similar (see
 *     {@link VectorSimilarity} for the formula of each similarity)
 */
public record VectorMatch(String id, double score) {

    /** Requires an id. */
    public VectorMatch {
        Objects.requireNonNull(id, "id must not be null");
    }
}
