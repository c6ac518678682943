package io.glen.engine.io;

import java.nio.ByteBuffer;

/**
 * A read-only view of part of a file for one pass (a snapshot being loaded): a memory mapping
 * where the file system allows it, so a large file is read without first being copied into a
 * zeroed heap array, else the bytes read into the heap. Close it when done (a mapping is released
 * then rather than at some garbage collection).
 */
public interface FileView extends AutoCloseable {

    /** The bytes, position 0 to limit; read with absolute gets (the buffer may be shared by threads). */
    ByteBuffer bytes();

    @Override
    void close();

    /** A view of bytes already on the heap. */
    static FileView of(ByteBuffer bytes) {
        return new FileView() {
            @Override
            public ByteBuffer bytes() {
                return bytes;
            }

            @Override
            public void close() {
                // Nothing to release: the garbage collector takes the array.
            }
        };
    }
}
