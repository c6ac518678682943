package io.glen.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** An open file of a {@link StorageFiles} layer, read and written at explicit positions. */
public interface StorageFile extends Closeable {

    /** Reads into {@code dst} from {@code position}; returns bytes read, or -1 at end of file. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Writes all of {@code src} at {@code position}. */
    void write(ByteBuffer src, long position) throws IOException;

    /** Writes {@code length} bytes of {@code src} from {@code offset} at {@code position}. */
    default void write(byte[] src, int offset, int length, long position) throws IOException {
        write(ByteBuffer.wrap(src, offset, length), position);
    }

    /** The current size of the file. */
    long size() throws IOException;

    /** Cuts the file to {@code size} bytes. */
    void truncate(long size) throws IOException;

    /** Forces the file's content (and the metadata needed to read it) to stable storage. */
    void force() throws IOException;

    /**
     * A read-only view of {@code length} bytes from {@code position} for one pass; by default the
     * bytes read into a heap buffer, on the real file system a memory mapping.
     */
    default FileView view(long position, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        readFully(bytes, position);
        bytes.flip();
        return FileView.of(bytes);
    }

    /** Reads exactly {@code dst.remaining()} bytes from {@code position}, failing at end of file. */
    default void readFully(ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = read(dst, at);
            if (n < 0) {
                throw new java.io.EOFException("end of file at " + at);
            }
            at += n;
        }
    }
}
