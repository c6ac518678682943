package io.glen.engine.search.geo;

/**
 * Great-circle distances on a sphere of the Earth's mean radius (IUGG, 6,371,008.8 m, as Lucene and
 * Elasticsearch use). The sphere is off the WGS 84 ellipsoid by up to about 0.5 %, which is the
 * usual price of a formula cheap enough to run on every candidate.
 */
public final class Haversine {

    /** The Earth's mean radius in metres. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;
    /** Half the Earth's circumference: no two points are farther apart. */
    public static final double MAX_DISTANCE_METERS = Math.PI * EARTH_RADIUS_METERS;

    private Haversine() {
    }

    /** The distance between two points in metres. */
    public static double meters(GeoPoint a, GeoPoint b) {
        return meters(a.lon(), a.lat(), b.lon(), b.lat());
    }

    static double meters(double lon1, double lat1, double lon2, double lat2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinLat = Math.sin((phi2 - phi1) / 2);
        double sinLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double h = sinLat * sinLat + Math.cos(phi1) * Math.cos(phi2) * sinLon * sinLon;
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
