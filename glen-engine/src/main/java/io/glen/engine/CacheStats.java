package io.glen.engine;

/**
 * A point-in-time view of the value cache.
 *
 * @param hits reads served from the cache
 * @param misses reads that had to decode the stored bytes
 * @param puts values added to the cache
 * @param evictions values evicted to stay within capacity
 * @param entries values currently cached
 * @param sizeBytes the estimated heap bytes currently cached
 * @param capacityBytes the capacity in estimated heap bytes
 */
public record CacheStats(long hits, long misses, long puts, long evictions, long entries, long sizeBytes,
                         long capacityBytes) {

    /** Hits divided by reads, or 0 when there were no reads. */
    public double hitRate() {
        long reads = hits + misses;
        return reads == 0 ? 0.0 : (double) hits / reads;
    }
}
