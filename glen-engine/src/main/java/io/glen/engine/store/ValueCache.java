package io.glen.engine.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.glen.engine.CacheStats;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decoded values of hot documents, bounded by estimated heap bytes (Caffeine, W-TinyLFU). The cache
 * is never the source of truth: an entry is used only when its version equals the version in the
 * store, so a stale entry is merely a miss and no invalidation can race a writer.
 */
public final class ValueCache {

    /** Rough heap cost of a cache entry beyond the value itself. */
    private static final int ENTRY_OVERHEAD = 96;

    private record Key(String collection, String id) {
    }

    private record Entry(long version, Value value, int weight) {
    }

    private final Cache<Key, Entry> cache;
    private final LongAdder puts = new LongAdder();
    private volatile long capacity;

    /** A cache holding at most {@code capacityBytes} estimated heap bytes. */
    public ValueCache(long capacityBytes) {
        this.capacity = capacityBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((Key k, Entry e) -> e.weight())
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** The value of {@code doc}, from the cache when it holds that version, else decoded and cached. */
    public Value get(String collection, String id, StoredDoc doc) {
        Key key = new Key(collection, id);
        Entry entry = cache.getIfPresent(key);
        if (entry != null && entry.version() == doc.version()) {
            return entry.value();
        }
        Value value = ValueCodec.decode(doc.encoded());
        put(key, doc.version(), value, doc.encoded().length);
        return value;
    }

    /** Caches a value just written (its encoded length estimates its weight). */
    public void put(String collection, String id, long version, Value value, int encodedLength) {
        put(new Key(collection, id), version, value, encodedLength);
    }

    private void put(Key key, long version, Value value, int encodedLength) {
        if (capacity == 0) {
            return;
        }
        int weight = estimateWeight(key, encodedLength);
        cache.asMap().merge(key, new Entry(version, value, weight),
                (old, fresh) -> old.version() >= fresh.version() ? old : fresh);
        puts.increment();
    }

    /** Drops a document's entry. */
    public void invalidate(String collection, String id) {
        cache.invalidate(new Key(collection, id));
    }

    /** Drops everything. */
    public void clear() {
        cache.invalidateAll();
    }

    /**
     * Estimated heap bytes of a decoded value: decoded values take roughly twice their encoding
     * (object headers, references, UTF-16 strings), plus the key and the entry.
     */
    private static int estimateWeight(Key key, int encodedLength) {
        long weight = ENTRY_OVERHEAD + 2L * (key.collection().length() + key.id().length()) + 2L * encodedLength;
        return (int) Math.min(Integer.MAX_VALUE, weight);
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
    }

    /** The current statistics. */
    public CacheStats stats() {
        com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.stats();
        long weighted = cache.policy().eviction().flatMap(e -> e.weightedSize().stream().boxed().findFirst())
                .orElse(0L);
        return new CacheStats(s.hitCount(), s.missCount(), puts.sum(), s.evictionCount(), cache.estimatedSize(),
                weighted, capacity);
    }
}
