package io.glen.engine.internal.codec;

import java.util.Arrays;

/**
 * A small, lossy, lock-free table of recently decoded short strings (object field names), so that
 * decoded documents share one {@code String} per name instead of holding a copy each, the way
 * JSON parsers canonicalize keys. A slot holds an immutable (bytes, string) pair; a hash collision
 * replaces it. Only bytes that already decoded as valid UTF-8 are ever stored, so a hit needs no
 * validation; the table is bounded (at most {@value #SLOTS} names of at most {@value #MAX_BYTES}
 * bytes), whatever the input.
 */
final class SharedNames {

    static final int SLOTS = 4096;
    static final int MAX_BYTES = 32;

    private record Slot(byte[] utf8, String name) {
    }

    private static final Slot[] TABLE = new Slot[SLOTS];

    private SharedNames() {
    }

    /** The shared string for {@code buf[offset, offset + length)}, or null when it is not in the table. */
    static String lookup(byte[] buf, int offset, int length, int hash) {
        Slot slot = TABLE[hash & (SLOTS - 1)];
        if (slot != null && Arrays.equals(slot.utf8, 0, slot.utf8.length, buf, offset, offset + length)) {
            return slot.name;
        }
        return null;
    }

    /** Remembers a validly decoded name. */
    static void remember(byte[] buf, int offset, int length, int hash, String name) {
        TABLE[hash & (SLOTS - 1)] = new Slot(Arrays.copyOfRange(buf, offset, offset + length), name);
    }

    /** A hash of the bytes, spread so that the low bits depend on every byte. */
    static int hash(byte[] buf, int offset, int length) {
        int h = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + buf[i];
        }
        return h ^ (h >>> 16);
    }
}
