package io.glen.engine.internal.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads and writes of fixed-width integers in byte arrays. */
public final class LittleEndian {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    /** Writes {@code v} at {@code offset}. */
    public static void putInt(byte[] buf, int offset, int v) {
        INT.set(buf, offset, v);
    }

    /** Writes {@code v} at {@code offset}. */
    public static void putLong(byte[] buf, int offset, long v) {
        LONG.set(buf, offset, v);
    }

    /** Reads the int at {@code offset}. */
    public static int getInt(byte[] buf, int offset) {
        return (int) INT.get(buf, offset);
    }

    /** Reads the long at {@code offset}. */
    public static long getLong(byte[] buf, int offset) {
        return (long) LONG.get(buf, offset);
    }
}
