package io.glen.engine.search.geo;

import java.util.List;
import java.util.Objects;

/**
 * A polygon given by one closed ring of points (a GeoJSON linear ring, RFC 7946, section 3.1.6):
 * at least four points, the last equal to the first.
 *
 * <p>Edges are straight lines in longitude/latitude (plate carrée), as in GeoJSON, not great
 * circles; for polygons a few hundred kilometres across the difference is negligible, for
 * continent-sized ones an edge bows away from the great circle between its ends.
 *
 * <p>Containment uses the even-odd rule, and points on an edge or vertex are inside. A
 * self-intersecting ring is accepted and means what the even-odd rule makes of it (a bow tie
 * contains its two lobes; where the ring overlaps itself twice the overlap is outside), which is
 * what JTS and most renderers do for an invalid ring; validating rings for self-intersection costs
 * O(n log n) at best and would reject data that other stores take.
 *
 * <p>The antimeridian: no edge may span more than 180 degrees of longitude. Such an edge almost
 * always means a polygon drawn across the antimeridian, which RFC 7946 (section 3.1.9) asks to be
 * cut in two; the constructor rejects it rather than guess which way round the Earth was meant.
 * Query the two halves and combine the results.
 */
public final class GeoPolygon {

    private final double[] lons;
    private final double[] lats;
    private final GeoBox bounds;

    private GeoPolygon(double[] lons, double[] lats, GeoBox bounds) {
        this.lons = lons;
        this.lats = lats;
        this.bounds = bounds;
    }

    /**
     * A polygon from its closed ring.
     *
     * @throws IllegalArgumentException if the ring has fewer than four points, is not closed, or
     *     has an edge spanning more than 180 degrees of longitude
     */
    public static GeoPolygon of(List<GeoPoint> ring) {
        Objects.requireNonNull(ring, "ring must not be null");
        if (ring.size() < 4) {
            throw new IllegalArgumentException("a polygon ring needs at least 4 points (a triangle and its first point again), got "
                    + ring.size());
        }
        if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
            throw new IllegalArgumentException("a polygon ring must be closed: its last point " + ring.get(ring.size() - 1)
                    + " must equal its first " + ring.get(0));
        }
        int n = ring.size();
        double[] lons = new double[n];
        double[] lats = new double[n];
        double west = 180;
        double east = -180;
        double south = 90;
        double north = -90;
        for (int i = 0; i < n; i++) {
            GeoPoint p = Objects.requireNonNull(ring.get(i), "ring points must not be null");
            lons[i] = p.lon();
            lats[i] = p.lat();
            if (i > 0 && Math.abs(lons[i] - lons[i - 1]) > 180) {
                throw new IllegalArgumentException("polygon edge " + ring.get(i - 1) + " to " + p
                        + " spans more than 180 degrees of longitude; cut polygons that cross the antimeridian in two"
                        + " (RFC 7946, section 3.1.9)");
            }
            west = Math.min(west, lons[i]);
            east = Math.max(east, lons[i]);
            south = Math.min(south, lats[i]);
            north = Math.max(north, lats[i]);
        }
        return new GeoPolygon(lons, lats, new GeoBox(west, south, east, north));
    }

    /** The smallest box holding the polygon (it never crosses the antimeridian). */
    public GeoBox bounds() {
        return bounds;
    }

    /** Whether {@code point} lies inside the polygon or on its boundary. */
    public boolean contains(GeoPoint point) {
        if (!bounds.contains(point)) {
            return false;
        }
        double x = point.lon();
        double y = point.lat();
        boolean inside = false;
        for (int i = 0, j = lons.length - 1; i < lons.length; j = i++) {
            double xi = lons[i];
            double yi = lats[i];
            double xj = lons[j];
            double yj = lats[j];
            if (onSegment(x, y, xi, yi, xj, yj)) {
                return true;
            }
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static boolean onSegment(double x, double y, double x1, double y1, double x2, double y2) {
        double cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
        return cross == 0 && x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2)
                && y <= Math.max(y1, y2);
    }

    /** The number of points of the ring, the closing one included. */
    public int size() {
        return lons.length;
    }

    /** The ring's point at {@code index}. */
    public GeoPoint point(int index) {
        return new GeoPoint(lons[index], lats[index]);
    }
}
