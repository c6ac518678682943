package io.glen.engine.internal.snapshot;

import io.glen.engine.GlenCorruptionException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Walks a snapshot body held in a buffer (a mapping of the file) with the checks of the codec's
 * reader: minimal varints, lengths within the bytes left.
 */
final class BodyReader {

    private final ByteBuffer buf;
    private int pos;

    BodyReader(ByteBuffer buf) {
        this.buf = buf;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return buf.limit() - pos;
    }

    long varLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= buf.limit()) {
                throw new GlenCorruptionException("truncated varint at position " + pos);
            }
            int b = buf.get(pos++) & 0xFF;
            if (shift == 63 && b > 1) {
                throw new GlenCorruptionException("varint overflows 64 bits at position " + (pos - 1));
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw new GlenCorruptionException("non-minimal varint at position " + (pos - 1));
                }
                return result;
            }
        }
        throw new GlenCorruptionException("varint longer than 10 bytes at position " + pos);
    }

    int length(String what) {
        int at = pos;
        long n = varLong();
        if (n < 0 || n > remaining()) {
            throw new GlenCorruptionException(what + " of " + Long.toUnsignedString(n) + " at position " + at
                    + " exceeds the " + remaining() + " bytes left");
        }
        return (int) n;
    }

    void skip(int n) {
        pos += n;
    }

    /** A length-prefixed string (the collection name: strictly checked when the entries are parsed). */
    String string() {
        int n = length("string length");
        byte[] bytes = new byte[n];
        buf.get(pos, bytes, 0, n);
        pos += n;
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
