package io.glen.engine.internal.codec;

import io.glen.engine.GlenCorruptionException;

/**
 * A bounds-checked little-endian reader over a byte array. Every read checks the bytes left first,
 * and every malformed input (short data, oversized or non-minimal varints, bad UTF-8) throws
 * {@link GlenCorruptionException}; nothing is allocated before its length has been checked against
 * the bytes left.
 */
public final class ByteSource {

    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;

    /** Reads {@code buf[offset, offset + length)}. */
    public ByteSource(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", " + offset + "+" + length
                    + ") outside array of " + buf.length);
        }
        this.buf = buf;
        this.start = offset;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Reads the whole array. */
    public ByteSource(byte[] buf) {
        this(buf, 0, buf.length);
    }

    /** The current position in the array. */
    public int position() {
        return pos;
    }

    /** The bytes not yet read. */
    /** Moves to {@code position}, which must lie within the source. */
    public void seek(int position) {
        if (position < start || position > end) {
            throw new IllegalArgumentException("position " + position + " outside " + start + ".." + end);
        }
        pos = position;
    }

    /** The number of bytes left. */
    public int remaining() {
        return end - pos;
    }

    /** The underlying array (for zero-copy slicing by callers that own it). */
    public byte[] array() {
        return buf;
    }

    private void need(int n, String what) {
        if (n < 0 || n > end - pos) {
            throw new GlenCorruptionException("truncated data: " + what + " needs " + n
                    + " bytes but only " + (end - pos) + " remain at position " + pos);
        }
    }

    /** Reads one unsigned byte. */
    public int u8() {
        need(1, "byte");
        return buf[pos++] & 0xFF;
    }

    /** Reads a little-endian 32-bit integer. */
    public int u32() {
        need(4, "u32");
        int v = LittleEndian.getInt(buf, pos);
        pos += 4;
        return v;
    }

    /** Reads a little-endian 64-bit integer. */
    public long u64() {
        need(8, "u64");
        long v = LittleEndian.getLong(buf, pos);
        pos += 8;
        return v;
    }

    /** Reads a minimal unsigned LEB128 varint of at most 10 bytes. */
    public long varLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1, "varint");
            int b = buf[pos++] & 0xFF;
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

    /** Reads a zigzag-encoded signed varint. */
    public long zigzag() {
        long v = varLong();
        return (v >>> 1) ^ -(v & 1);
    }

    /**
     * Reads a varint length and checks it against the bytes left and {@code max}.
     *
     * @param minBytesPerItem how many bytes each counted item needs at least (1 for bytes)
     */
    public int length(String what, int minBytesPerItem, long max) {
        int at = pos;
        long n = varLong();
        if (n < 0 || n > max) { // n < 0: a varint of 2^63 or more, which must not pass as (int) n
            throw new GlenCorruptionException(what + " of " + Long.toUnsignedString(n) + " exceeds the limit of "
                    + max + " at position " + at);
        }
        if (n * minBytesPerItem > end - pos) {
            throw new GlenCorruptionException(what + " of " + n + " at position " + at
                    + " exceeds the " + (end - pos) + " bytes left");
        }
        return (int) n;
    }

    /** Reads {@code n} bytes into a new array. */
    public byte[] bytes(int n) {
        need(n, "bytes");
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Skips {@code n} bytes. */
    public void skip(int n) {
        need(n, "skip");
        pos += n;
    }

    /** Reads a varint-length-prefixed strict UTF-8 string. */
    public String string(long maxBytes) {
        return decode(length("string length", 1, maxBytes));
    }

    private String decode(int n) {
        String s = Utf8.decodeOrNull(buf, pos, n);
        if (s == null) {
            throw new GlenCorruptionException("malformed UTF-8 in string at position " + pos);
        }
        pos += n;
        return s;
    }

    /**
     * Reads a length-prefixed UTF-8 string that is likely to repeat across records (an object field
     * name): short names are shared between decodes through a small table instead of allocated
     * each time. Validation is the same as {@link #string}.
     */
    public String sharedString(long maxBytes) {
        int n = length("string length", 1, maxBytes);
        if (n > SharedNames.MAX_BYTES) {
            return decode(n);
        }
        int hash = SharedNames.hash(buf, pos, n);
        String s = SharedNames.lookup(buf, pos, n, hash);
        if (s == null) {
            int at = pos;
            s = decode(n);
            SharedNames.remember(buf, at, n, hash, s);
        } else {
            pos += n;
        }
        return s;
    }

    /** Fails unless every byte has been read. */
    public void expectEnd(String what) {
        if (pos != end) {
            throw new GlenCorruptionException(what + " has " + (end - pos) + " trailing bytes at position " + pos);
        }
    }
}
