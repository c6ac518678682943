package io.glen.engine.events;

import java.util.List;

/**
 * The differences a commit made under a watched path, from the outermost field inward: objects on
 * both sides are compared field by field, so a change deep inside yields a delta at its own path.
 *
 * @param collection the collection
 * @param id the document id
 * @param path the watched path
 * @param lsn the commit's log sequence number
 * @param deltas the differences, never empty
 */
public record FieldDeltaEvent(String collection, String id, String path, long lsn, List<FieldDelta> deltas) {

    /** Copies the list. */
    public FieldDeltaEvent {
        deltas = List.copyOf(deltas);
    }
}
