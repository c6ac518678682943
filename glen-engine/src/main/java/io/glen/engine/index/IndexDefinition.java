package io.glen.engine.index;

import io.glen.engine.Names;
import io.glen.engine.value.ValuePath;
import java.util.List;
import java.util.Objects;

/**
 * What an index covers: a name and one field path (single-field) or several (composite).
 *
 * @param name the index name, unique within its collection
 * @param paths the dotted field paths, in key order
 */
public record IndexDefinition(String name, List<String> paths) {

    /** Checks the name and the paths. */
    public IndexDefinition {
        Objects.requireNonNull(name, "index name must not be null");
        try {
            Names.checkCollection(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("collection name", "index name"), e);
        }
        Objects.requireNonNull(paths, "paths must not be null");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("index '" + name + "' needs at least one field path");
        }
        paths = List.copyOf(paths);
        for (String path : paths) {
            ValuePath.parse(path);
        }
        if (paths.stream().distinct().count() != paths.size()) {
            throw new IllegalArgumentException("index '" + name + "' names a field path twice: " + paths);
        }
    }

    /** Whether this is a composite index. */
    public boolean composite() {
        return paths.size() > 1;
    }
}
