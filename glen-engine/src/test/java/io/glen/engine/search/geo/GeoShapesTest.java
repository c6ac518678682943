package io.glen.engine.search.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Points, boxes and polygons validate their input and answer containment as documented. */
class GeoShapesTest {

    private static GeoPolygon polygon(double... lonLat) {
        List<GeoPoint> ring = new java.util.ArrayList<>();
        for (int i = 0; i < lonLat.length; i += 2) {
            ring.add(new GeoPoint(lonLat[i], lonLat[i + 1]));
        }
        return GeoPolygon.of(ring);
    }

    @Test
    void coordinatesOutOfRangeOrNaNAreRejected() {
        assertThatThrownBy(() -> new GeoPoint(180.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("longitude must be a number from -180 to 180, got 180.5");
        assertThatThrownBy(() -> new GeoPoint(0, -90.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latitude must be a number from -90 to 90, got -90.1");
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got NaN");
        assertThatThrownBy(() -> new GeoPoint(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void haversineGivesKnownDistances() {
        assertThat(Haversine.meters(new GeoPoint(0, 0), new GeoPoint(1, 0))).isCloseTo(111_195.08, within(0.01));
        assertThat(Haversine.meters(new GeoPoint(0, -90), new GeoPoint(0, 90)))
                .isCloseTo(Haversine.MAX_DISTANCE_METERS, within(1e-6));
        assertThat(Haversine.meters(new GeoPoint(179.5, 0), new GeoPoint(-179.5, 0))).isCloseTo(111_195.08, within(0.01));
    }

    @Test
    void aBoxWithSouthAboveNorthIsRejected() {
        assertThatThrownBy(() -> new GeoBox(0, 10, 5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("south (10.0) must not be above north (5.0)");
    }

    @Test
    void aBoxWhoseWestIsEastOfItsEastCrossesTheAntimeridian() {
        GeoBox box = new GeoBox(170, -5, -170, 5);
        assertThat(box.crossesAntimeridian()).isTrue();
        assertThat(box.contains(new GeoPoint(175, 0))).isTrue();
        assertThat(box.contains(new GeoPoint(-175, 0))).isTrue();
        assertThat(box.contains(new GeoPoint(0, 0))).isFalse();
    }

    @Test
    void aPolygonRingMustBeClosed() {
        assertThatThrownBy(() -> polygon(0, 0, 1, 0, 1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be closed");
    }

    @Test
    void aPolygonRingNeedsFourPoints() {
        assertThatThrownBy(() -> polygon(0, 0, 1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4 points");
    }

    @Test
    void aPolygonEdgeAcrossTheAntimeridianIsRejected() {
        assertThatThrownBy(() -> polygon(170, 0, -170, 0, -170, 10, 170, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("antimeridian");
    }

    @Test
    void aPolygonContainsItsInteriorAndBoundaryOnly() {
        GeoPolygon square = polygon(0, 0, 10, 0, 10, 10, 0, 10, 0, 0);
        assertThat(square.contains(new GeoPoint(5, 5))).isTrue();
        assertThat(square.contains(new GeoPoint(10, 5))).isTrue();
        assertThat(square.contains(new GeoPoint(0, 0))).isTrue();
        assertThat(square.contains(new GeoPoint(10.000001, 5))).isFalse();
        assertThat(square.contains(new GeoPoint(-1, -1))).isFalse();
    }

    @Test
    void aConcavePolygonExcludesItsNotch() {
        GeoPolygon u = polygon(0, 0, 9, 0, 9, 9, 6, 9, 6, 3, 3, 3, 3, 9, 0, 9, 0, 0);
        assertThat(u.contains(new GeoPoint(1.5, 8))).isTrue();
        assertThat(u.contains(new GeoPoint(4.5, 6))).isFalse();
        assertThat(u.contains(new GeoPoint(4.5, 1))).isTrue();
    }

    @Test
    void aSelfIntersectingRingFollowsTheEvenOddRule() {
        GeoPolygon bowTie = polygon(0, 0, 10, 10, 10, 0, 0, 10, 0, 0);
        assertThat(bowTie.contains(new GeoPoint(1, 5))).isTrue();
        assertThat(bowTie.contains(new GeoPoint(9, 5))).isTrue();
        assertThat(bowTie.contains(new GeoPoint(5, 1))).isFalse();
        assertThat(bowTie.contains(new GeoPoint(5, 9))).isFalse();
    }
}
