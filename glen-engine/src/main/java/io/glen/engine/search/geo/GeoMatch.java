package io.glen.engine.search.geo;

import java.util.Objects;

/**
 * One result of a geo query.
 *
 * @param id the document id
 * @param point the document's indexed point
 * @param distanceMeters the haversine distance from the query's centre in metres, for
 *     {@code near} and {@code withinCircle}; {@code NaN} for box and polygon queries, which have no
 *     centre
 */
public record GeoMatch(String id, GeoPoint point, double distanceMeters) {

    /** Requires an id and a point. */
    public GeoMatch {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(point, "point must not be null");
    }
}
