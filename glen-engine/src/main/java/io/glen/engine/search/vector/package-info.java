/**
 * Vector similarity search: {@link io.glen.engine.search.vector.VectorIndex}, a hierarchical
 * navigable small-world (HNSW) graph over fixed-dimension float vectors keyed by document id, with
 * exact search as a fallback.
 *
 * <p>Concurrency: one writer at a time (the caller serializes writers per collection), any number of
 * readers without locks. Neighbour lists are immutable arrays replaced whole (copy on write), nodes
 * are immutable apart from their lists and a deleted flag, and every publication goes through a
 * volatile write, so a reader sees each list either before or after a writer's change, never half of
 * it.
 */
@NullMarked
package io.glen.engine.search.vector;

import org.jspecify.annotations.NullMarked;
