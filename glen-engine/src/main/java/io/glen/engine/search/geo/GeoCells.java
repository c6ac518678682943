package io.glen.engine.search.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * The cell key of a point and the key ranges that cover a box. Longitude and latitude are each
 * quantized to 31 bits (about 1.9 cm of longitude at the equator) and interleaved into a Z-order
 * (Morton) key, so that points near each other mostly have keys near each other and a box is a
 * handful of contiguous key ranges: the quadtree cells that cover it, found by descending from the
 * whole Earth and stopping at cells inside the box or a quarter of its size.
 */
final class GeoCells {

    static final int BITS = 31;
    private static final long MAX = (1L << BITS) - 1;

    private GeoCells() {
    }

    /** The Z-order key of a point. */
    static long key(GeoPoint point) {
        return interleave(x(point.lon()), y(point.lat()));
    }

    static long x(double lon) {
        return Math.min(MAX, (long) Math.floor((lon + 180.0) / 360.0 * (1L << BITS)));
    }

    static long y(double lat) {
        return Math.min(MAX, (long) Math.floor((lat + 90.0) / 180.0 * (1L << BITS)));
    }

    /** Interleaves two 31-bit values, x in the even bits. */
    static long interleave(long x, long y) {
        return spread(x) | (spread(y) << 1);
    }

    private static long spread(long v) {
        v &= 0x7FFFFFFFL;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }

    /**
     * Key ranges, each {@code [low, high]} inclusive and in ascending order, whose union holds the key
     * of every point in the box from ({@code west}, {@code south}) to ({@code east}, {@code north})
     * (not crossing the antimeridian). They may hold keys of points outside it too; callers test each point.
     */
    static List<long[]> cover(double west, double south, double east, double north) {
        long x0 = x(west);
        long x1 = x(east);
        long y0 = y(south);
        long y1 = y(north);
        long extent = Math.max(x1 - x0, y1 - y0) + 1;
        // Stop two levels below the cell size of the box: at most about 4 × 4 cells along each edge.
        int maxLevel = Math.min(BITS, BITS - (63 - Long.numberOfLeadingZeros(extent)) + 2);
        List<long[]> ranges = new ArrayList<>();
        cover(0, 0, 0, 0, x0, x1, y0, y1, maxLevel, ranges);
        return ranges;
    }

    private static void cover(long prefix, int level, long cellX, long cellY, long x0, long x1, long y0, long y1,
                              int maxLevel, List<long[]> ranges) {
        long size = 1L << (BITS - level);
        long cellX1 = cellX + size - 1;
        long cellY1 = cellY + size - 1;
        if (cellX > x1 || cellX1 < x0 || cellY > y1 || cellY1 < y0) {
            return;
        }
        boolean inside = cellX >= x0 && cellX1 <= x1 && cellY >= y0 && cellY1 <= y1;
        if (inside || level == maxLevel) {
            int shift = 2 * (BITS - level);
            long low = prefix << shift;
            long high = low | ((1L << shift) - 1);
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] + 1 == low) {
                last[1] = high;
            } else {
                ranges.add(new long[] {low, high});
            }
            return;
        }
        long half = size >>> 1;
        // Children in Z order: x bit low, y bit high.
        cover(prefix << 2, level + 1, cellX, cellY, x0, x1, y0, y1, maxLevel, ranges);
        cover((prefix << 2) | 1, level + 1, cellX + half, cellY, x0, x1, y0, y1, maxLevel, ranges);
        cover((prefix << 2) | 2, level + 1, cellX, cellY + half, x0, x1, y0, y1, maxLevel, ranges);
        cover((prefix << 2) | 3, level + 1, cellX + half, cellY + half, x0, x1, y0, y1, maxLevel, ranges);
    }
}
