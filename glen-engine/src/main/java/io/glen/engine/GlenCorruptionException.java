package io.glen.engine;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Stored or supplied bytes are not a valid Glen encoding: a corrupt WAL record in the middle of the
 * log, a damaged snapshot, or bytes handed to the decoder that do not decode. Where the bytes came
 * from a file, {@link #file()} and {@link #offset()} say where.
 */
public class GlenCorruptionException extends GlenException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable Path file;
    private final long offset;

    /** Corruption in bytes that do not come from a file. */
    public GlenCorruptionException(String message) {
        super(message);
        this.file = null;
        this.offset = -1;
    }

    /** Corruption at an offset of a file. */
    public GlenCorruptionException(String message, Path file, long offset) {
        super(message + " (file " + file + (offset >= 0 ? ", offset " + offset : "") + ")");
        this.file = file;
        this.offset = offset;
    }

    /** Corruption at an offset of a file, with a cause. */
    public GlenCorruptionException(String message, Path file, long offset, Throwable cause) {
        super(message + " (file " + file + (offset >= 0 ? ", offset " + offset : "") + ")", cause);
        this.file = file;
        this.offset = offset;
    }

    /** The damaged file, when known. */
    public @Nullable Path file() {
        return file;
    }

    /** The byte offset in {@link #file()} where the damage starts, or -1 when unknown. */
    public long offset() {
        return offset;
    }
}
