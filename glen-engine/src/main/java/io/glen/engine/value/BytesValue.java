package io.glen.engine.value;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** An immutable byte string value. Accessors hand out copies or read-only views, never the array. */
public final class BytesValue extends Value {

    private final byte[] bytes;

    private BytesValue(byte[] bytes) {
        this.bytes = bytes;
    }

    static BytesValue copyOf(byte[] bytes) {
        return new BytesValue(bytes.clone());
    }

    static BytesValue wrapOwned(byte[] bytes) {
        return new BytesValue(bytes);
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BYTES;
    }

    /** A fresh copy of the bytes. */
    @Override
    public byte[] asBytes() {
        return bytes.clone();
    }

    /** A read-only view of the bytes, without copying. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    byte[] unsafeArray() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BytesValue that && Arrays.equals(that.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
