package io.glen.engine.internal.codec;

import java.util.Arrays;

/**
 * A growable little-endian byte buffer with the primitives of Glen's formats: fixed-width integers,
 * unsigned LEB128 varints, zigzag varints and UTF-8 strings. Not thread-safe.
 */
public final class ByteSink {

    private byte[] buf;
    private int size;

    /** A sink with a small initial capacity. */
    public ByteSink() {
        this(64);
    }

    /** A sink with the given initial capacity. */
    public ByteSink(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Number of bytes written so far. */
    public int size() {
        return size;
    }

    /** Forgets the content, keeping the buffer. */
    public void reset() {
        size = 0;
    }

    /** The internal array; valid up to {@link #size()} until the next write. */
    public byte[] array() {
        return buf;
    }

    /** A copy of the written bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int extra) {
        int needed = size + extra;
        if (needed < 0) {
            throw new IllegalStateException("byte sink would exceed 2 GiB");
        }
        if (needed > buf.length) {
            int grown = Math.max(needed, buf.length > (1 << 29) ? Integer.MAX_VALUE - 16 : buf.length * 2);
            buf = Arrays.copyOf(buf, grown);
        }
    }

    /** Advances past {@code n} bytes (left as they are), to be filled in later. */
    public ByteSink skip(int n) {
        ensure(n);
        size += n;
        return this;
    }

    /** Writes one byte. */
    public ByteSink u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    /** Writes a 32-bit little-endian integer. */
    public ByteSink u32(int v) {
        ensure(4);
        LittleEndian.putInt(buf, size, v);
        size += 4;
        return this;
    }

    /** Writes a 64-bit little-endian integer. */
    public ByteSink u64(long v) {
        ensure(8);
        LittleEndian.putLong(buf, size, v);
        size += 8;
        return this;
    }

    /** Overwrites a 32-bit little-endian integer at an earlier position. */
    public void putU32At(int position, int v) {
        LittleEndian.putInt(buf, position, v);
    }

    /** Writes an unsigned LEB128 varint (1 to 10 bytes). */
    public ByteSink varLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** Writes a zigzag-encoded signed varint. */
    public ByteSink zigzag(long v) {
        return varLong((v << 1) ^ (v >> 63));
    }

    /** Writes raw bytes. */
    public ByteSink bytes(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, buf, size, length);
        size += length;
        return this;
    }

    /** Writes raw bytes. */
    public ByteSink bytes(byte[] src) {
        return bytes(src, 0, src.length);
    }

    /** Writes a varint length followed by the bytes. */
    public ByteSink lengthPrefixed(byte[] src) {
        varLong(src.length);
        return bytes(src);
    }

    /**
     * Writes a varint byte length followed by the string's UTF-8 bytes.
     *
     * @throws IllegalArgumentException if the string holds an unpaired surrogate, which UTF-8
     *     cannot represent and which would otherwise be silently replaced
     */
    public ByteSink string(String s) {
        int n = s.length();
        // Optimistically ASCII (one pass: UTF-8 length = length); otherwise start over.
        ensure(10 + n);
        int at = size + varLongSize(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return utf8String(s);
            }
            buf[at + i] = (byte) c;
        }
        varLong(n);
        size += n;
        return this;
    }

    private ByteSink utf8String(String s) {
        int utf8Length = Utf8.encodedLength(s);
        varLong(utf8Length);
        ensure(utf8Length);
        size = Utf8.encode(s, buf, size);
        return this;
    }

    private static int varLongSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }
}
