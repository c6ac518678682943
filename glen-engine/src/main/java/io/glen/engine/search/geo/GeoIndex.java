package io.glen.engine.search.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An index of points keyed by document id, answering k-nearest, box, circle and polygon queries.
 *
 * <p>Structure: a concurrent skip list of (Z-order cell key, id) entries ({@link GeoCells}), the
 * same lock-free ordered structure as Glen's secondary indexes, plus a map from id to its current
 * entry. A box becomes a few key ranges; a circle becomes the box (or two, across the
 * antimeridian) around its spherical cap; a polygon becomes its bounding box; each candidate is
 * then tested exactly (haversine for circles, even-odd containment for polygons), so results are
 * exact. {@code near} searches circles of growing radius until one holds {@code k} points.
 *
 * <p>Contract for the write path: {@link #put} and {@link #remove} are called by one thread at a
 * time (the caller serializes writers per collection); queries run on any thread without locks.
 * A query sees each document at most once, at its old or its new point; a document that moves
 * while a query runs may be missed by that query.
 */
public final class GeoIndex {

    /** One indexed point; a search bound has a null point and the empty id, which sorts before every real one. */
    private record Entry(long key, String id, @Nullable GeoPoint point) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::key).thenComparing(Entry::id);

    private final ConcurrentSkipListSet<Entry> entries = new ConcurrentSkipListSet<>(ORDER);
    private final ConcurrentHashMap<String, Entry> current = new ConcurrentHashMap<>();

    /** The number of indexed documents. */
    public int size() {
        return current.size();
    }

    /** The point indexed for {@code id}, or {@code null}. */
    public @Nullable GeoPoint point(String id) {
        Entry e = current.get(id);
        return e == null ? null : point(e);
    }

    /** Indexes {@code point} under {@code id}, replacing its previous point (writer only). */
    public void put(String id, GeoPoint point) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(point, "point must not be null");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        Entry fresh = new Entry(GeoCells.key(point), id, point);
        // Add before publishing and publish before removing the old entry, so that a reader checking
        // entries against the map finds the old point or the new one, never both.
        entries.add(fresh);
        Entry stale = current.put(id, fresh);
        if (stale != null && !stale.equals(fresh)) {
            entries.remove(stale);
        }
    }

    /** Removes {@code id} (writer only); false when it was not indexed. */
    public boolean remove(String id) {
        Entry stale = current.remove(id);
        if (stale == null) {
            return false;
        }
        entries.remove(stale);
        return true;
    }

    /**
     * The documents whose points lie in {@code box} (edges included), in no particular order,
     * {@code distanceMeters} NaN.
     */
    public List<GeoMatch> withinBox(GeoBox box) {
        List<GeoMatch> out = new ArrayList<>();
        scan(box, e -> {
            if (box.contains(point(e))) {
                out.add(new GeoMatch(e.id(), point(e), Double.NaN));
            }
        });
        return dedupe(out);
    }

    /**
     * The documents within {@code radiusMeters} of {@code centre} (haversine, boundary included),
     * nearest first.
     *
     * @throws IllegalArgumentException if the radius is negative or not a number
     */
    public List<GeoMatch> withinCircle(GeoPoint centre, double radiusMeters) {
        checkRadius(radiusMeters);
        List<GeoMatch> out = new ArrayList<>();
        for (GeoBox box : SphericalCap.bounds(centre, radiusMeters)) {
            scan(box, e -> {
                double d = Haversine.meters(centre, point(e));
                if (d <= radiusMeters) {
                    out.add(new GeoMatch(e.id(), point(e), d));
                }
            });
        }
        out.sort(NEAREST_FIRST);
        return dedupe(out);
    }

    /** The documents whose points lie in {@code polygon} or on its boundary, in no particular order. */
    public List<GeoMatch> withinPolygon(GeoPolygon polygon) {
        List<GeoMatch> out = new ArrayList<>();
        scan(polygon.bounds(), e -> {
            if (polygon.contains(point(e))) {
                out.add(new GeoMatch(e.id(), point(e), Double.NaN));
            }
        });
        return dedupe(out);
    }

    /** The {@code k} documents nearest to {@code centre}, nearest first (ties by id). */
    public List<GeoMatch> near(GeoPoint centre, int k) {
        return near(centre, k, Haversine.MAX_DISTANCE_METERS);
    }

    /**
     * The {@code k} documents nearest to {@code centre} that lie within {@code maxMeters}, nearest
     * first (ties by id).
     *
     * @throws IllegalArgumentException if {@code k} is below 1 or the distance negative or not a number
     */
    public List<GeoMatch> near(GeoPoint centre, int k, double maxMeters) {
        Objects.requireNonNull(centre, "centre must not be null");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        checkRadius(maxMeters);
        int n = size();
        if (n == 0) {
            return List.of();
        }
        // Start from the radius whose cap would hold about 2k points if they were spread evenly.
        double fraction = Math.min(1.0, 2.0 * k / n);
        double radius = Math.max(1.0, Math.acos(1 - 2 * fraction) * Haversine.EARTH_RADIUS_METERS);
        while (true) {
            double r = Math.min(radius, maxMeters);
            List<GeoMatch> found = withinCircle(centre, r);
            if (found.size() >= k || r >= maxMeters || r >= Haversine.MAX_DISTANCE_METERS) {
                return found.size() > k ? List.copyOf(found.subList(0, k)) : found;
            }
            radius *= found.isEmpty() ? 8 : Math.max(2, Math.sqrt((double) k / found.size()) * 1.5);
        }
    }

    private static final Comparator<GeoMatch> NEAREST_FIRST =
            Comparator.comparingDouble(GeoMatch::distanceMeters).thenComparing(GeoMatch::id);

    private static void checkRadius(double meters) {
        if (!(meters >= 0)) {
            throw new IllegalArgumentException("distance must be a non-negative number of metres, got " + meters);
        }
    }

    /** Visits the current entry of every document whose cell may lie in {@code box}. */
    private void scan(GeoBox box, Consumer<Entry> visitor) {
        if (box.crossesAntimeridian()) {
            scan(box.west(), box.south(), 180, box.north(), visitor);
            scan(-180, box.south(), box.east(), box.north(), visitor);
        } else {
            scan(box.west(), box.south(), box.east(), box.north(), visitor);
        }
    }

    private void scan(double west, double south, double east, double north, Consumer<Entry> visitor) {
        for (long[] range : GeoCells.cover(west, south, east, north)) {
            Entry from = new Entry(range[0], "", null);
            for (Entry e : entries.tailSet(from, true)) {
                if (e.key() > range[1]) {
                    break;
                }
                if (e.equals(current.get(e.id()))) {
                    visitor.accept(e);
                }
            }
        }
    }

    private static GeoPoint point(Entry e) {
        return Objects.requireNonNull(e.point());
    }

    /**
     * Keeps the first match of each id: a scan can meet a document's old entry and, after a writer
     * moved it further along the key order, its new one; and two boxes of an antimeridian cap can
     * meet at ±180.
     */
    private static List<GeoMatch> dedupe(List<GeoMatch> matches) {
        Set<String> seen = new HashSet<>();
        List<GeoMatch> out = new ArrayList<>(matches.size());
        for (GeoMatch m : matches) {
            if (seen.add(m.id())) {
                out.add(m);
            }
        }
        return out;
    }
}
