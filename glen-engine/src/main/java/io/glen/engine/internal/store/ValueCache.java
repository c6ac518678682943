package io.glen.engine.internal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.glen.engine.CacheStats;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import io.glen.engine.value.ValueFootprint;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the decoded values of hot documents, bounded by estimated heap bytes. Reads make
 * documents hot, from their second read (a {@link Doorkeeper} remembers first reads); writes keep
 * hot documents hot and make no document hot.
 *
 * <p>A hot document's value lives in its store entry: the collection map holds a {@link HotDoc}
 * (version, bytes and value) in place of the cold {@link StoredDoc}, so a hot read costs the one
 * map lookup that finds the entry, and a value can never be stale — it is part of the entry a
 * writer replaces. Caffeine (W-TinyLFU) only decides which entries stay hot: it tracks every
 * {@code HotDoc} with its estimated weight and, when it evicts or drops one, the entry is swapped
 * back to its cold twin with a compare-and-replace on the collection map (which fails, harmlessly,
 * when a writer has replaced the entry meanwhile).
 *
 * <p>Hits are reported to Caffeine's frequency sketch for one read in {@value #SAMPLE} (chosen at
 * random): the sketch estimates relative popularity, which sampling preserves, while recording
 * every hit would cost a second hash lookup per read. Statistics are counted here, exactly.
 *
 * <p>Invariant (what bounds the heap): every {@code HotDoc} in a collection map has its document
 * tracked by the cache (under its {@link Key}, with the weight of the hot entry registered last).
 * A reader makes an entry hot only by replacing the very cold entry it read and then registers it;
 * a writer stores a cold entry and swaps in a hot one only when the entry it replaced was hot (see
 * {@link #written}), and registers it only when the document is no longer tracked or its weight
 * moved by more than a quarter, so a stream of writes to a hot document costs no cache work. When
 * Caffeine drops a document, whatever hot entry the map holds for it then goes back to cold. The
 * reverse (a tracked document whose entry is cold or gone) is harmless and ends at its eviction.
 */
public final class ValueCache {

    /** A hit is reported to the eviction policy for one read in this many. */
    static final int SAMPLE = 8;

    /**
     * Heap bytes a hot entry costs besides its value: the {@code HotDoc} beyond the cold entry it
     * replaces, its key, and Caffeine's node with its map slot and sketch share.
     */
    static final int ENTRY_OVERHEAD = 144;

    /** A typical hot entry's weight, to size the doorkeeper to the documents the cache holds. */
    static final int TYPICAL_ENTRY_BYTES = 512;

    /** The identity of a cached document: its collection's store (by identity) and its id. */
    record Key(CollectionStore store, String id) {
    }

    private final Cache<Key, HotDoc> cache;
    private final Policy<Key, HotDoc> policy;
    private final Doorkeeper doorkeeper;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private volatile long capacity;

    /** A cache holding at most {@code capacityBytes} estimated heap bytes. */
    public ValueCache(long capacityBytes) {
        this.capacity = capacityBytes;
        this.doorkeeper = new Doorkeeper(capacityBytes / TYPICAL_ENTRY_BYTES);
        this.cache = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((Key k, HotDoc doc) -> doc.weight)
                .executor(Runnable::run)
                .removalListener(this::removed)
                .build();
        this.policy = cache.policy();
    }

    /**
     * The value of {@code doc}, which the caller read from {@code store} under {@code id}: the
     * entry's own value when it is hot, else decoded, and made hot when the cache is enabled and
     * the document was read before lately (see {@link Doorkeeper}: one-time reads cost no cache
     * work and evict nothing).
     */
    public Value value(CollectionStore store, String id, StoredDoc doc) {
        if (doc instanceof HotDoc hot) {
            hits.increment();
            if (ThreadLocalRandom.current().nextInt(SAMPLE) == 0) {
                cache.getIfPresent(hot.key);
            }
            return hot.value;
        }
        misses.increment();
        Value value = ValueCodec.decode(doc.encoded());
        if (capacity > 0 && doorkeeper.seenBefore(store, id)) {
            HotDoc hot = hot(store, id, doc.version(), doc.encoded(), value);
            if (store.documents().replace(id, doc, hot)) {
                register(hot);
            }
        }
        return value;
    }

    /**
     * Called by a writer right after it stored the cold entry {@code stored} over {@code previous}
     * (under the write lock): a document that was hot stays hot with its new value, which the
     * writer has at hand; any other write leaves the document cold. Writes do not make documents
     * hot, reads do: a bulk load or a stream of inserts then neither pays for cache bookkeeping nor
     * evicts the documents that are being read, and a document written but never read costs no
     * cache space. Should a reader make the new entry hot first, the replace fails and the reader's
     * entry (which the reader registers) wins.
     */
    public void written(CollectionStore store, String id, StoredDoc stored, @Nullable StoredDoc previous,
                        @Nullable Value value) {
        if (previous instanceof HotDoc && value != null && capacity > 0) {
            HotDoc hot = hot(store, id, stored.version(), stored.encoded(), value);
            if (store.documents().replace(id, stored, hot)) {
                // Checked after the swap: had Caffeine dropped the document before it, the drop
                // turned nothing the writer put hot back, so it must register.
                HotDoc tracked = policy.getIfPresentQuietly(hot.key);
                if (tracked == null || Math.abs(tracked.weight - hot.weight) > tracked.weight / 4) {
                    register(hot);
                }
            }
        }
    }

    /** Stops tracking a deleted document. */
    public void deleted(CollectionStore store, String id) {
        cache.invalidate(new Key(store, id));
    }

    private HotDoc hot(CollectionStore store, String id, long version, byte[] encoded, Value value) {
        long weight = ENTRY_OVERHEAD + ValueFootprint.estimate(value);
        return new HotDoc(version, encoded, value, new Key(store, id), (int) Math.min(Integer.MAX_VALUE, weight));
    }

    private void register(HotDoc hot) {
        cache.asMap().merge(hot.key, hot, (tracked, fresh) -> tracked.version() > fresh.version() ? tracked : fresh);
        puts.increment();
    }

    /** Swaps an entry that stopped being tracked back to cold, unless a writer replaced it already. */
    private void removed(@Nullable Key key, @Nullable HotDoc hot, RemovalCause cause) {
        if (cause.wasEvicted()) {
            evictions.increment();
        }
        if (key != null && cause != RemovalCause.REPLACED) {
            // Whatever hot entry the map holds now (writers may have swapped in newer ones).
            key.store().documents().computeIfPresent(key.id(), (id, current) ->
                    current instanceof HotDoc h ? h.cold() : current);
        }
    }

    /** Drops every value (entries become cold). */
    public void clear() {
        cache.invalidateAll();
    }

    /** Changes the capacity at runtime; shrinking evicts at once. */
    public void setCapacity(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("cache capacity must not be negative: " + capacityBytes);
        }
        capacity = capacityBytes;
        cache.policy().eviction().ifPresent(eviction -> eviction.setMaximum(capacityBytes));
        if (capacityBytes == 0) {
            cache.invalidateAll();
        }
        cache.cleanUp();
    }

    /** Whether the cache tracks this entry's document (for tests of the invariant). */
    boolean tracks(HotDoc hot) {
        return policy.getIfPresentQuietly(hot.key) != null;
    }

    /** Runs pending evictions now (for tests). */
    void cleanUp() {
        cache.cleanUp();
    }

    /** The current statistics. */
    public CacheStats stats() {
        long weighted = cache.policy().eviction().flatMap(e -> e.weightedSize().stream().boxed().findFirst())
                .orElse(0L);
        return new CacheStats(hits.sum(), misses.sum(), puts.sum(), evictions.sum(), cache.estimatedSize(),
                weighted, capacity);
    }
}
