package io.glen.engine.value;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed dotted field path such as {@code address.city} or {@code items.0.sku}. A segment made
 * only of ASCII digits also indexes arrays; on objects every segment is a field name.
 */
public final class ValuePath {

    private final String text;
    private final String[] segments;

    private ValuePath(String text, String[] segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses a dotted path.
     *
     * @throws IllegalArgumentException when the path is empty or has an empty segment
     */
    public static ValuePath parse(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("field path must not be empty");
        }
        String[] segments = path.split("\\.", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("field path '" + path + "' has an empty segment");
            }
        }
        return new ValuePath(path, segments);
    }

    /** The segments of the path. */
    public List<String> segments() {
        return Arrays.asList(segments.clone());
    }

    /** The value at this path inside {@code root}, or {@code null} when a segment is missing. */
    public @Nullable Value lookup(Value root) {
        Value current = root;
        for (String segment : segments) {
            current = step(current, segment);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** What {@link #lookupWithoutArrays} answers when the path meets an array. */
    public static final Value THROUGH_ARRAY = Value.array();

    /**
     * The value at this path when the way there meets no array and the value is not an array (so
     * it is the only value the path reaches), null when the path reaches nothing that way, and
     * {@link #THROUGH_ARRAY} (compare by identity) when an array is met or reached: then every value
     * the path reaches must be collected (see {@code FieldValues}).
     */
    public @Nullable Value lookupWithoutArrays(Value root) {
        Value current = root;
        for (String segment : segments) {
            if (current.kind() != ValueKind.OBJECT) {
                return current.kind() == ValueKind.ARRAY ? THROUGH_ARRAY : null;
            }
            current = current.get(segment);
            if (current == null) {
                return null;
            }
        }
        return current.kind() == ValueKind.ARRAY ? THROUGH_ARRAY : current;
    }

    /**
     * Whether following this path in {@code root} meets an array where a field name follows
     * ({@code items.sku} on an array of items): index keys and predicates then reach the field of
     * every element, while {@link #lookup} finds nothing.
     */
    public boolean crossesArray(Value root) {
        Value current = root;
        for (String segment : segments) {
            if (current.kind() == ValueKind.ARRAY && arrayIndex(segment) < 0) {
                return true;
            }
            current = step(current, segment);
            if (current == null) {
                return false;
            }
        }
        return false;
    }

    private static @Nullable Value step(Value current, String segment) {
        switch (current.kind()) {
            case OBJECT:
                return current.get(segment);
            case ARRAY:
                int index = arrayIndex(segment);
                return index >= 0 && index < current.size() ? current.get(index) : null;
            default:
                return null;
        }
    }

    /**
     * The array index a path segment denotes: a segment of at most nine ASCII digits; -1 for
     * anything else (which is then a field name).
     */
    public static int arrayIndex(String segment) {
        if (segment.length() > 9) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValuePath that && that.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
