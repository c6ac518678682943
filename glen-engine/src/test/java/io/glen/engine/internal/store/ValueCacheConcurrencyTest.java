package io.glen.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.CacheStats;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * Many readers, writers and deleters on a small cache at once (entries turning hot on reads and
 * staying hot across writes, Caffeine evicting and swapping them back to cold): afterwards every hot entry in the map
 * is tracked by the cache (so the cache bounds the heap), every hot value equals its bytes, and
 * readers never saw a value older than one they had seen before for the same document.
 */
class ValueCacheConcurrencyTest {

    private static final int DOCS = 200;
    private static final int THREADS = 8;

    private static Value doc(int id, long counter) {
        return Value.object().put("id", id).put("counter", counter).put("pad", "x".repeat(40 + id % 50)).build();
    }

    @Test
    void hotEntriesStayTrackedAndValuesMatchTheirBytesUnderConcurrency() throws Exception {
        for (long capacity : new long[] {4_096, 40_000, 0}) {
            run(capacity, 20260000L + capacity);
        }
    }

    private void run(long capacity, long seed) throws Exception {
        CollectionStore store = new CollectionStore("c");
        ValueCache cache = new ValueCache(capacity);
        ReentrantLock writeLock = new ReentrantLock(); // writers serialize like DataStore's
        AtomicLong lsn = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seed + t);
            boolean writer = t < 3;
            results.add(pool.submit(() -> {
                start.await();
                long operations = 0;
                long[] lastSeen = new long[DOCS];
                while (!stop.get()) {
                    int id = random.nextInt(DOCS);
                    String key = "d" + id;
                    if (writer) {
                        writeLock.lock();
                        try {
                            long version = lsn.incrementAndGet();
                            if (random.nextInt(10) == 0) {
                                if (store.remove(key) != null) {
                                    cache.deleted(store, key);
                                }
                            } else {
                                Value value = doc(id, version);
                                byte[] encoded = ValueCodec.encode(value);
                                StoredDoc entry = new StoredDoc(version, encoded);
                                StoredDoc previous = store.put(key, entry);
                                cache.written(store, key, entry, previous, random.nextBoolean() ? value : null);
                            }
                        } finally {
                            writeLock.unlock();
                        }
                    } else {
                        StoredDoc entry = store.get(key);
                        if (entry != null) {
                            Value value = cache.value(store, key, entry);
                            long counter = value.get("counter").asLong();
                            assertThat(counter).as("value of %s matches the entry read", key)
                                    .isEqualTo(entry.version());
                            assertThat(counter).as("no older value after a newer one for %s", key)
                                    .isGreaterThanOrEqualTo(lastSeen[id]);
                            lastSeen[id] = counter;
                        }
                    }
                    operations++;
                }
                return operations;
            }));
        }
        start.countDown();
        Thread.sleep(1_500);
        stop.set(true);
        long operations = 0;
        for (Future<Long> result : results) {
            operations += result.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        cache.cleanUp(); // pending evictions (and their swaps to cold) first
        int hot = 0;
        for (Map.Entry<String, StoredDoc> e : store.documents().entrySet()) {
            StoredDoc entry = e.getValue();
            if (entry instanceof HotDoc h) {
                hot++;
                assertThat(cache.tracks(h)).as("hot entry %s is tracked (capacity %d)", e.getKey(), capacity).isTrue();
                assertThat(h.value).isEqualTo(ValueCodec.decode(h.encoded()));
            }
        }
        CacheStats stats = cache.stats();
        assertThat(stats.sizeBytes()).isLessThanOrEqualTo(capacity);
        assertThat(hot).isLessThanOrEqualTo((int) stats.entries());
        if (capacity == 0) {
            assertThat(hot).isZero();
        } else {
            assertThat(stats.evictions()).as("the cache was too small for the documents").isPositive();
            // How many entries are hot at the moment the threads stop is up to timing; that reads
            // made documents hot (and the invariants above held for them) is not.
            assertThat(stats.puts()).as("reads made documents hot").isPositive();
        }
        assertThat(operations).isGreaterThan(1_000);
    }
}
