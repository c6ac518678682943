package io.glen.engine.internal.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Which documents were read once lately: the value cache admits a document on its second read,
 * the doorkeeper of TinyLFU. A document read once (a scan, a query over many documents, the first
 * pass after a restart) is decoded and returned without any cache bookkeeping, which would cost
 * more than the decode and evict documents that are read again; one read twice within the window
 * becomes hot.
 *
 * <p>A bit per hash bucket, set on the first sighting; lossy by design (a collision admits a
 * document one read early, harmless) and racy by design (concurrent readers may lose a bit, which
 * only delays an admission). The bits are cleared after as many first sightings as a quarter of
 * them, so the window follows the recent reads.
 */
final class Doorkeeper {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int MIN_BITS = 1 << 16;
    private static final int MAX_BITS = 1 << 24;

    private final long[] words;
    private final int mask;
    private final int resetAfter;
    private int sightings; // racy on purpose: an approximate count is enough

    /** A doorkeeper sized for a cache of about {@code entries} documents. */
    Doorkeeper(long entries) {
        long wanted = Math.max(MIN_BITS, Math.min(MAX_BITS, entries * 4));
        int bits = Integer.highestOneBit((int) wanted);
        this.words = new long[bits >>> 6];
        this.mask = bits - 1;
        this.resetAfter = bits >>> 2;
    }

    /**
     * Whether {@code id} of {@code store} was seen since the last reset; records it when not.
     */
    boolean seenBefore(CollectionStore store, String id) {
        int h = store.hashCode() * 0x9E3779B9 + id.hashCode();
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        int bit = h & mask;
        int word = bit >>> 6;
        long flag = 1L << bit;
        long current = (long) WORDS.getOpaque(words, word);
        if ((current & flag) != 0) {
            return true;
        }
        WORDS.setOpaque(words, word, current | flag);
        if (++sightings >= resetAfter) {
            sightings = 0;
            Arrays.fill(words, 0L);
        }
        return false;
    }
}
