package io.glen.engine.events;

import org.jspecify.annotations.Nullable;
import io.glen.engine.value.Value;

/**
 * One elementary difference under a watched path.
 *
 * @param kind set, replace, delete or append
 * @param path the full dotted path of the changed field
 * @param oldValue the previous value (null for SET)
 * @param newValue the new value (null for DELETE; for APPEND to an array an array of the appended
 *     elements, for APPEND to a string the appended text)
 */
public record FieldDelta(Kind kind, String path, @Nullable Value oldValue, @Nullable Value newValue) {

    /** The kinds of differences. */
    public enum Kind {
        /** A field appeared. */
        SET,
        /** A field's value changed (and is not an object on both sides, nor an array append). */
        REPLACE,
        /** A field disappeared. */
        DELETE,
        /**
         * Elements were added at the end of an array whose earlier elements are unchanged, or text
         * at the end of a string ("hello" to "hello world": the new value is " world").
         */
        APPEND
    }
}
