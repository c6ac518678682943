/**
 * Search structures beyond equality and ranges: approximate nearest-neighbour search over vectors
 * ({@link io.glen.engine.search.vector}) and spatial search over points on the Earth
 * ({@link io.glen.engine.search.geo}). Each is a self-contained in-memory index keyed by document id
 * that the write path maintains and the query planner consults.
 */
@NullMarked
package io.glen.engine.search;

import org.jspecify.annotations.NullMarked;
