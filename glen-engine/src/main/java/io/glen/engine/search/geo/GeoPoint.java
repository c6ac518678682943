package io.glen.engine.search.geo;

/**
 * A point on the Earth in degrees (WGS 84 longitude and latitude, the GeoJSON order: longitude
 * first).
 *
 * @param lon longitude, -180 to 180 inclusive
 * @param lat latitude, -90 to 90 inclusive
 */
public record GeoPoint(double lon, double lat) {

    /**
     * Validates the coordinates.
     *
     * @throws IllegalArgumentException if a coordinate is NaN, infinite or out of range
     */
    public GeoPoint {
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude must be a number from -180 to 180, got " + lon);
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude must be a number from -90 to 90, got " + lat);
        }
    }

    /** The point at {@code lon}, {@code lat}. */
    public static GeoPoint of(double lon, double lat) {
        return new GeoPoint(lon, lat);
    }
}
