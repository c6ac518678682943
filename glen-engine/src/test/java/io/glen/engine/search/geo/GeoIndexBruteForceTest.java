package io.glen.engine.search.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every query kind returns exactly what a scan of all points returns, on random points at fixed seeds. */
class GeoIndexBruteForceTest {

    private static final long SEED = 20_261_204L;
    private static final int POINTS = 20_000;

    private final Map<String, GeoPoint> points = new LinkedHashMap<>();
    private final GeoIndex index = new GeoIndex();
    private SplittableRandom random;

    @BeforeEach
    void fill() {
        System.out.println("GeoIndexBruteForceTest seed " + SEED);
        random = new SplittableRandom(SEED);
        for (int i = 0; i < POINTS; i++) {
            // Half spread over the globe, half crowded round 20 "cities" (with exact duplicates), and the poles and ±180.
            GeoPoint p = switch (i % 4) {
                case 0, 1 -> new GeoPoint(random.nextDouble(-180, 180), Math.toDegrees(Math.asin(random.nextDouble(-1, 1))));
                case 2 -> nearCity(i % 20);
                default -> i % 40 == 3 ? new GeoPoint(i % 80 == 3 ? 180 : -180, random.nextDouble(-90, 90))
                        : i % 40 == 7 ? new GeoPoint(random.nextDouble(-180, 180), i % 80 == 7 ? 90 : -90)
                        : new GeoPoint(-3.70 + (i % 3), 40.42);
            };
            points.put("p" + i, p);
            index.put("p" + i, p);
        }
    }

    private GeoPoint nearCity(int city) {
        double lon = -170 + city * 17.5;
        double lat = -60 + city * 6;
        return new GeoPoint(Math.max(-180, Math.min(180, lon + random.nextDouble(-0.5, 0.5))),
                lat + random.nextDouble(-0.5, 0.5));
    }

    private GeoPoint randomPoint() {
        return new GeoPoint(random.nextDouble(-180, 180), random.nextDouble(-90, 90));
    }

    @Test
    void withinBoxMatchesAScan() {
        for (int q = 0; q < 200; q++) {
            double width = Math.pow(10, random.nextDouble(-3, 2.5));
            double height = Math.pow(10, random.nextDouble(-3, 2));
            double west = random.nextDouble(-180, 180);
            double east = west + width > 180 ? west + width - 360 : west + width;
            double south = random.nextDouble(-90, 90 - Math.min(height, 179));
            GeoBox box = new GeoBox(west, south, east, Math.min(90, south + height));
            assertSameIds(index.withinBox(box), scan(box::contains), box.toString());
        }
    }

    @Test
    void withinBoxHandlesTheWholeWorldThePolesAndTheAntimeridian() {
        for (GeoBox box : List.of(new GeoBox(-180, -90, 180, 90), new GeoBox(170, -90, -170, 90),
                new GeoBox(180, -10, -180, 10), new GeoBox(-180, 89, 180, 90), new GeoBox(-3.7, 40.42, -1.7, 40.42))) {
            assertSameIds(index.withinBox(box), scan(box::contains), box.toString());
        }
    }

    @Test
    void withinCircleMatchesAScanWithDistancesNearestFirst() {
        for (int q = 0; q < 120; q++) {
            GeoPoint centre = q % 10 == 0 ? new GeoPoint(q % 20 == 0 ? 179.9 : -179.9, random.nextDouble(-80, 80))
                    : q % 10 == 1 ? new GeoPoint(random.nextDouble(-180, 180), q % 20 == 1 ? 89.5 : -89.5)
                    : randomPoint();
            double radius = Math.pow(10, random.nextDouble(2, 7.3));
            List<GeoMatch> actual = index.withinCircle(centre, radius);
            List<GeoMatch> expected = scanByDistance(centre, radius);
            assertThat(actual).as("circle %s r=%s", centre, radius).isEqualTo(expected);
        }
    }

    @Test
    void withinPolygonMatchesAScan() {
        for (int q = 0; q < 150; q++) {
            GeoPolygon polygon = randomStar();
            assertSameIds(index.withinPolygon(polygon), scan(polygon::contains), "polygon " + q);
        }
    }

    @Test
    void nearMatchesAScan() {
        for (int q = 0; q < 150; q++) {
            GeoPoint centre = q % 7 == 0 ? nearCity(q % 20) : randomPoint();
            int k = 1 + random.nextInt(q % 5 == 0 ? 300 : 20);
            List<GeoMatch> expected = scanByDistance(centre, Haversine.MAX_DISTANCE_METERS);
            assertThat(index.near(centre, k)).as("near %s k=%d", centre, k)
                    .isEqualTo(expected.subList(0, Math.min(k, expected.size())));
        }
    }

    @Test
    void nearWithinAMaximumDistanceMatchesAScan() {
        for (int q = 0; q < 150; q++) {
            GeoPoint centre = randomPoint();
            int k = 1 + random.nextInt(50);
            double max = Math.pow(10, random.nextDouble(3, 6.5));
            List<GeoMatch> expected = scanByDistance(centre, max);
            assertThat(index.near(centre, k, max)).as("near %s k=%d max=%s", centre, k, max)
                    .isEqualTo(expected.subList(0, Math.min(k, expected.size())));
        }
    }

    /** A star-shaped (often concave) polygon round a random centre, not crossing the antimeridian. */
    private GeoPolygon randomStar() {
        double size = Math.pow(10, random.nextDouble(-1, 1.6));
        double cLon = random.nextDouble(-180 + size, 180 - size);
        double cLat = random.nextDouble(-85 + Math.min(size, 80), 85 - Math.min(size, 80));
        int n = 3 + random.nextInt(12);
        List<GeoPoint> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            double r = size * random.nextDouble(0.2, 1.0);
            ring.add(new GeoPoint(cLon + r * Math.cos(angle), Math.max(-90, Math.min(90, cLat + r * Math.sin(angle)))));
        }
        ring.add(ring.get(0));
        return GeoPolygon.of(ring);
    }

    private List<String> scan(Predicate<GeoPoint> test) {
        List<String> ids = new ArrayList<>();
        points.forEach((id, p) -> {
            if (test.test(p)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private List<GeoMatch> scanByDistance(GeoPoint centre, double radius) {
        List<GeoMatch> out = new ArrayList<>();
        points.forEach((id, p) -> {
            double d = Haversine.meters(centre, p);
            if (d <= radius) {
                out.add(new GeoMatch(id, p, d));
            }
        });
        out.sort(Comparator.comparingDouble(GeoMatch::distanceMeters).thenComparing(GeoMatch::id));
        return out;
    }

    private static void assertSameIds(List<GeoMatch> actual, List<String> expected, String query) {
        assertThat(actual.stream().map(GeoMatch::id).toList()).as(query).containsExactlyInAnyOrderElementsOf(expected);
    }
}
