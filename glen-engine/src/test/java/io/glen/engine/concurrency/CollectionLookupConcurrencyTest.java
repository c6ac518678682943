package io.glen.engine.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store remembers the collection looked up last: threads that interleave reads and writes of
 * different collections (and create new ones meanwhile) must still each see only their own
 * collection's documents.
 */
class CollectionLookupConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void interleavedCollectionsNeverSeeEachOthersDocuments() throws Exception {
        int threads = 6;
        int rounds = 3_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (GlenDB db = GlenDB.open(dir)) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 10; k++) {
                    db.put("c" + c, "k" + k, Value.of("c" + c));
                }
            }
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    int checked = 0;
                    for (int i = 0; i < rounds; i++) {
                        // Alternate between the shared collections, and every so often a new one.
                        String collection = "c" + ((thread + i) % 3);
                        assertThat(db.get(collection, "k" + (i % 10))).isEqualTo(Value.of(collection));
                        assertThat(db.get(collection, "absent")).isNull();
                        if (i % 100 == 0) {
                            String fresh = "t" + thread + "-" + i;
                            assertThat(db.get(fresh, "k0")).isNull();
                            db.put(fresh, "k0", Value.of(fresh));
                            assertThat(db.get(fresh, "k0")).isEqualTo(Value.of(fresh));
                        }
                        db.put(collection, "w" + thread, Value.of(collection));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(rounds);
            }
            for (int c = 0; c < 3; c++) {
                for (Value value : db.getAll("c" + c).values()) {
                    assertThat(value).isEqualTo(Value.of("c" + c));
                }
                assertThat(db.count("c" + c)).isEqualTo(10 + threads);
            }
            assertThat(db.collections()).hasSize(3 + threads * (rounds / 100));
        } finally {
            pool.shutdownNow();
        }
    }
}
