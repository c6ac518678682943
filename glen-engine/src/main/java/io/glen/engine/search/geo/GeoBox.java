package io.glen.engine.search.geo;

/**
 * A longitude/latitude rectangle, bounds inclusive, in the GeoJSON bounding-box order (RFC 7946,
 * section 5): west, south, east, north. A box whose {@code west} is greater than its {@code east}
 * crosses the antimeridian: it covers west..180 and -180..east (RFC 7946, section 5.2).
 *
 * @param west western longitude, -180 to 180
 * @param south southern latitude, -90 to 90, at most {@code north}
 * @param east eastern longitude, -180 to 180
 * @param north northern latitude, -90 to 90
 */
public record GeoBox(double west, double south, double east, double north) {

    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException if a bound is not a valid coordinate or south is above north
     */
    public GeoBox {
        new GeoPoint(west, south);
        new GeoPoint(east, north);
        if (south > north) {
            throw new IllegalArgumentException("south (" + south + ") must not be above north (" + north + ")");
        }
    }

    /** The box from ({@code west}, {@code south}) to ({@code east}, {@code north}). */
    public static GeoBox of(double west, double south, double east, double north) {
        return new GeoBox(west, south, east, north);
    }

    /** Whether the box crosses the antimeridian (its west bound is east of its east bound). */
    public boolean crossesAntimeridian() {
        return west > east;
    }

    /** Whether {@code point} lies in the box or on its edge. */
    public boolean contains(GeoPoint point) {
        if (point.lat() < south || point.lat() > north) {
            return false;
        }
        double lon = point.lon();
        return crossesAntimeridian() ? lon >= west || lon <= east : lon >= west && lon <= east;
    }
}
