package io.glen.engine.query;

import io.glen.engine.value.ValuePath;
import java.util.Objects;

/**
 * One sort key of a query: a field path and a direction. The sort value of a document is the value
 * at the path as {@link io.glen.engine.value.Value#at(String)} finds it (an array sorts as the
 * whole array); results are finally ordered by document id, so the order is total.
 *
 * @param path the dotted field path
 * @param direction ascending or descending
 */
public record SortOrder(String path, Direction direction) {

    /** Checks the path. */
    public SortOrder {
        Objects.requireNonNull(direction, "direction must not be null");
        ValuePath.parse(path);
    }

    @Override
    public String toString() {
        return path + " " + direction;
    }
}
