package io.glen.engine.search.geo;

import java.util.List;

/**
 * The boxes around a circle on the sphere (a spherical cap): the latitude band is the centre's
 * latitude plus or minus the angular radius; the longitude half-width is
 * {@code asin(sin(r) / cos(lat))}, where the cap's edge touches a meridian. A cap that reaches a
 * pole spans every longitude; one that crosses the antimeridian becomes a box that crosses it.
 */
final class SphericalCap {

    /** Margin for rounding in the trigonometry: a candidate box a hair too large costs nothing. */
    private static final double MARGIN_DEGREES = 1e-9;

    private SphericalCap() {
    }

    static List<GeoBox> bounds(GeoPoint centre, double radiusMeters) {
        double angle = radiusMeters / Haversine.EARTH_RADIUS_METERS;
        if (angle >= Math.PI) {
            return List.of(new GeoBox(-180, -90, 180, 90));
        }
        double degrees = Math.toDegrees(angle) + MARGIN_DEGREES;
        double south = centre.lat() - degrees;
        double north = centre.lat() + degrees;
        if (south <= -90 || north >= 90) {
            return List.of(new GeoBox(-180, Math.max(-90, south), 180, Math.min(90, north)));
        }
        double halfWidth = Math.toDegrees(Math.asin(Math.min(1.0, Math.sin(angle) / Math.cos(Math.toRadians(centre.lat())))))
                + MARGIN_DEGREES;
        double west = centre.lon() - halfWidth;
        double east = centre.lon() + halfWidth;
        if (halfWidth >= 180) {
            return List.of(new GeoBox(-180, south, 180, north));
        }
        if (west < -180) {
            west += 360;
        }
        if (east > 180) {
            east -= 360;
        }
        return List.of(new GeoBox(west, south, east, north));
    }
}
