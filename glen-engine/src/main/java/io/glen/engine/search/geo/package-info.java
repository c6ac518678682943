/**
 * Geo search over points on the Earth: {@link io.glen.engine.search.geo.GeoIndex} answers k-nearest,
 * within-box, within-circle and within-polygon queries with haversine distances in metres;
 * {@link io.glen.engine.search.geo.GeoPointParser} reads a point out of a document field.
 */
@NullMarked
package io.glen.engine.search.geo;

import org.jspecify.annotations.NullMarked;
