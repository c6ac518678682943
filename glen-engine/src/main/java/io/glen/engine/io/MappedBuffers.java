package io.glen.engine.io;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Unmaps a {@link MappedByteBuffer} at once instead of when the garbage collector gets to it.
 *
 * <p>The JDK has no public way to do this; {@code sun.misc.Unsafe.invokeCleaner} (module
 * {@code jdk.unsupported}, which every JDK 9+ ships and opens to reflection) is what Lucene, Netty
 * and Chronicle use. Unmapping early keeps a database's address space to the windows it writes
 * and lets a segment file be truncated or deleted on Windows, which refuses both while a mapping
 * exists. Where the method is not available the buffer is left to the garbage collector, which
 * unmaps it eventually; nothing else changes.
 *
 * <p>The caller must guarantee that no thread touches the buffer afterwards: an access to
 * unmapped memory crashes the JVM. {@link MappedLogFile} unmaps only under its locks, after which
 * no window is reachable.
 */
final class MappedBuffers {

    private static final @Nullable Object UNSAFE;
    private static final @Nullable Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            unsafe = null;
            invokeCleaner = null;
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private MappedBuffers() {
    }

    /** Whether buffers are unmapped at once (else left to the garbage collector). */
    static boolean unmapsEagerly() {
        return INVOKE_CLEANER != null;
    }

    /** Unmaps {@code buffer} now where possible; never throws. */
    static void unmap(MappedByteBuffer buffer) {
        Method method = INVOKE_CLEANER;
        if (method == null) {
            return;
        }
        try {
            method.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Left to the garbage collector.
        }
    }
}
