package io.glen.engine.search.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.value.Value;
import org.junit.jupiter.api.Test;

/** The two accepted field shapes parse to points; everything else fails with a message that says why. */
class GeoPointParserTest {

    @Test
    void aGeoJsonPointIsLongitudeFirst() {
        Value v = Value.object().put("type", "Point").put("coordinates", Value.array(Value.of(10.75), Value.of(59.91))).build();
        assertThat(GeoPointParser.parse(v)).isEqualTo(new GeoPoint(10.75, 59.91));
    }

    @Test
    void aGeoJsonAltitudeIsIgnored() {
        Value v = Value.object().put("type", "Point")
                .put("coordinates", Value.array(Value.of(1), Value.of(2), Value.of(300))).build();
        assertThat(GeoPointParser.parse(v)).isEqualTo(new GeoPoint(1, 2));
    }

    @Test
    void aLonLatObjectAcceptsIntsAndFloatsAndOtherFields() {
        Value v = Value.object().put("lon", Value.of(-3)).put("lat", Value.of(40.42)).put("name", "Madrid").build();
        assertThat(GeoPointParser.parse(v)).isEqualTo(new GeoPoint(-3, 40.42));
    }

    @Test
    void aScalarIsNotAPoint() {
        assertThatThrownBy(() -> GeoPointParser.parse(Value.of("59.9,10.7"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a point").hasMessageContaining("got a string");
    }

    @Test
    void anObjectWithoutLonAndLatIsNotAPoint() {
        assertThatThrownBy(() -> GeoPointParser.parse(Value.object().put("lng", 1).put("lat", 2).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"lon\" and \"lat\"")
                .hasMessageContaining("[lat, lng]");
    }

    @Test
    void otherGeoJsonTypesAreRejected() {
        Value line = Value.object().put("type", "LineString")
                .put("coordinates", Value.array(Value.array(Value.of(0), Value.of(0)), Value.array(Value.of(1), Value.of(1))))
                .build();
        assertThatThrownBy(() -> GeoPointParser.parse(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GeoJSON Points").hasMessageContaining("LineString");
    }

    @Test
    void geoJsonCoordinatesMustBeTwoOrThreeNumbers() {
        Value one = Value.object().put("type", "Point").put("coordinates", Value.array(Value.of(1))).build();
        assertThatThrownBy(() -> GeoPointParser.parse(one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1 numbers");
        Value text = Value.object().put("type", "Point").put("coordinates", Value.array(Value.of("1"), Value.of(2))).build();
        assertThatThrownBy(() -> GeoPointParser.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("longitude must be a number, got a string");
        Value missing = Value.object().put("type", "Point").build();
        assertThatThrownBy(() -> GeoPointParser.parse(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"coordinates\" array");
    }

    @Test
    void coordinatesOutOfRangeAreRejected() {
        assertThatThrownBy(() -> GeoPointParser.parse(Value.object().put("lon", 200).put("lat", 0).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longitude must be a number from -180 to 180");
        assertThatThrownBy(() -> GeoPointParser.parse(Value.object().put("lon", 0).put("lat", Double.NaN).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latitude");
    }
}
