package io.glen.engine.events;

import org.jspecify.annotations.Nullable;
import io.glen.engine.value.Value;

/**
 * The value at a field path changed.
 *
 * @param collection the collection
 * @param id the document id
 * @param path the watched dotted path
 * @param lsn the commit's log sequence number
 * @param oldValue the value before, or null when the path was missing (or the document absent)
 * @param newValue the value after, or null when the path is now missing (or the document deleted)
 */
public record FieldChange(String collection, String id, String path, long lsn, @Nullable Value oldValue,
                          @Nullable Value newValue) {
}
