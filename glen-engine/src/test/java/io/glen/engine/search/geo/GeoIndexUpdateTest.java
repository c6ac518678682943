package io.glen.engine.search.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Puts replace, removes remove, and bad query arguments are rejected. */
class GeoIndexUpdateTest {

    private final GeoIndex index = new GeoIndex();

    @Test
    void putReplacesTheDocumentsPoint() {
        index.put("a", new GeoPoint(10, 10));
        index.put("a", new GeoPoint(-50, -20));
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.withinBox(new GeoBox(9, 9, 11, 11))).isEmpty();
        assertThat(index.near(new GeoPoint(10, 10), 5)).extracting(GeoMatch::point).containsExactly(new GeoPoint(-50, -20));
    }

    @Test
    void puttingTheSamePointAgainKeepsTheDocumentVisible() {
        index.put("a", new GeoPoint(1, 2));
        index.put("a", new GeoPoint(1, 2));
        assertThat(index.withinBox(new GeoBox(0, 0, 3, 3))).extracting(GeoMatch::id).containsExactly("a");
    }

    @Test
    void removeTakesTheDocumentOut() {
        index.put("a", new GeoPoint(1, 2));
        index.put("b", new GeoPoint(1, 2));
        assertThat(index.remove("a")).isTrue();
        assertThat(index.remove("a")).isFalse();
        assertThat(index.withinCircle(new GeoPoint(1, 2), 10)).extracting(GeoMatch::id).containsExactly("b");
        assertThat(index.point("a")).isNull();
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertThat(index.near(new GeoPoint(0, 0), 3)).isEmpty();
        assertThat(index.withinCircle(new GeoPoint(0, 0), Haversine.MAX_DISTANCE_METERS)).isEmpty();
    }

    @Test
    void nearStopsAtTheMaximumDistance() {
        index.put("near", new GeoPoint(0, 0.001));
        index.put("far", new GeoPoint(0, 1));
        assertThat(index.near(new GeoPoint(0, 0), 2, 1_000)).extracting(GeoMatch::id).containsExactly("near");
        assertThat(index.near(new GeoPoint(0, 0), 2).get(0).distanceMeters()).isCloseTo(111.195, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void badQueryArgumentsAreRejected() {
        assertThatThrownBy(() -> index.near(new GeoPoint(0, 0), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be at least 1, got 0");
        assertThatThrownBy(() -> index.withinCircle(new GeoPoint(0, 0), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> index.near(new GeoPoint(0, 0), 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.put("", new GeoPoint(0, 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
