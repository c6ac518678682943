package io.glen.engine.search.geo;

import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import java.util.List;

/**
 * Reads the point a geo index holds out of a document field. Two shapes are accepted:
 *
 * <ul>
 *   <li>a GeoJSON Point (RFC 7946, section 3.1.2): {@code {"type": "Point", "coordinates": [lon, lat]}},
 *       longitude first; a third coordinate (altitude) is allowed and ignored, other members are ignored;</li>
 *   <li>an object with numeric {@code lon} and {@code lat} fields: {@code {"lon": 10.75, "lat": 59.91}};
 *       other fields are ignored.</li>
 * </ul>
 *
 * <p>Numbers may be ints or floats. An object with a {@code type} field is read as GeoJSON, so a
 * {@code {lon, lat}} object must not have one. Anything else is rejected with an
 * {@link IllegalArgumentException} that says what was expected and what was found; the write
 * path adds the document id and field path.
 */
public final class GeoPointParser {

    private GeoPointParser() {
    }

    /**
     * The point {@code value} holds.
     *
     * @throws IllegalArgumentException if {@code value} is neither accepted shape or its
     *     coordinates are out of range
     */
    public static GeoPoint parse(Value value) {
        if (value.kind() != ValueKind.OBJECT) {
            throw new IllegalArgumentException("expected a point, {\"type\": \"Point\", \"coordinates\": [lon, lat]}"
                    + " or {\"lon\": …, \"lat\": …}, got a " + kindName(value));
        }
        Value type = value.get("type");
        if (type != null) {
            return geoJson(value, type);
        }
        Value lon = value.get("lon");
        Value lat = value.get("lat");
        if (lon == null || lat == null) {
            throw new IllegalArgumentException("a point object needs numeric \"lon\" and \"lat\" fields"
                    + " (or GeoJSON \"type\": \"Point\" with \"coordinates\"), got fields " + value.asMap().keySet());
        }
        return new GeoPoint(number(lon, "lon"), number(lat, "lat"));
    }

    private static GeoPoint geoJson(Value value, Value type) {
        if (type.kind() != ValueKind.STRING || !type.asString().equals("Point")) {
            throw new IllegalArgumentException("a geo index holds GeoJSON Points; got type " + type);
        }
        Value coordinates = value.get("coordinates");
        if (coordinates == null || coordinates.kind() != ValueKind.ARRAY) {
            throw new IllegalArgumentException("a GeoJSON Point needs a \"coordinates\" array [lon, lat]");
        }
        List<Value> c = coordinates.asList();
        if (c.size() < 2 || c.size() > 3) {
            throw new IllegalArgumentException("GeoJSON Point coordinates are [lon, lat] or [lon, lat, altitude], got "
                    + c.size() + " numbers");
        }
        return new GeoPoint(number(c.get(0), "longitude"), number(c.get(1), "latitude"));
    }

    private static double number(Value v, String what) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException(what + " must be a number, got a " + kindName(v));
        }
        return v.asDouble();
    }

    private static String kindName(Value v) {
        return v.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
