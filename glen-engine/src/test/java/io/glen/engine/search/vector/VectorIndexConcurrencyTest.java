package io.glen.engine.search.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * One writer inserts, replaces and removes while readers search without locks: no reader fails or
 * sees a malformed result, and the index is consistent with the writer's model afterwards.
 */
class VectorIndexConcurrencyTest {

    private static final int DIMENSIONS = 16;
    private static final int ID_SPACE = 2_000;
    private static final int READERS = 4;

    @Test
    void readersNeverFailOrSeeTornResultsWhileOneWriterChangesTheIndex() throws Exception {
        long seed = 9090;
        System.out.println("VectorIndexConcurrencyTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = TestVectors.uniform(seed, ID_SPACE * 2, DIMENSIONS);
        VectorIndex index = new VectorIndex(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.COSINE).withEfSearch(40));
        Map<String, float[]> model = new HashMap<>();
        for (int i = 0; i < ID_SPACE / 2; i++) {
            index.put("v" + i, vectors[i]);
            model.put("v" + i, vectors[i]);
        }

        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong searches = new AtomicLong();
        CountDownLatch started = new CountDownLatch(READERS);
        Thread[] readers = new Thread[READERS];
        for (int r = 0; r < READERS; r++) {
            long readerSeed = seed + 1 + r;
            readers[r] = new Thread(() -> {
                SplittableRandom own = new SplittableRandom(readerSeed);
                Predicate<String> even = id -> Integer.parseInt(id.substring(1)) % 2 == 0;
                started.countDown();
                while (writing.get()) {
                    float[] q = vectors[own.nextInt(vectors.length)];
                    try {
                        check(index.search(q, 10), 10, null, failures);
                        check(index.search(q, 5, 30, even), 5, even, failures);
                        if (own.nextInt(20) == 0) {
                            check(index.exactSearch(q, 10, null), 10, null, failures);
                        }
                        searches.incrementAndGet();
                    } catch (RuntimeException | Error e) {
                        failures.add(e.toString());
                    }
                }
            });
            readers[r].start();
        }
        started.await();
        for (int op = 0; op < 5_000; op++) {
            String id = "v" + random.nextInt(ID_SPACE);
            if (random.nextInt(3) == 0) {
                index.remove(id);
                model.remove(id);
            } else {
                float[] v = vectors[random.nextInt(vectors.length)];
                index.put(id, v);
                model.put(id, v);
            }
        }
        writing.set(false);
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(failures).isEmpty();
        assertThat(searches.get()).isPositive();
        assertThat(index.size()).isEqualTo(model.size());
        model.keySet().forEach(id -> assertThat(index.contains(id)).as(id).isTrue());
        GraphInvariants.assertConsistentAfterPurge(index);
        model.forEach((id, v) -> assertThat(index.exactSearch(v, 1, null).get(0).score()).isGreaterThan(0.9999));
    }

    private static void check(List<VectorMatch> matches, int k, Predicate<String> filter,
                              ConcurrentLinkedQueue<String> failures) {
        if (matches.size() > k) {
            failures.add("more than k results: " + matches);
        }
        double previous = Double.POSITIVE_INFINITY;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (VectorMatch m : matches) {
            int n = Integer.parseInt(m.id().substring(1));
            if (n < 0 || n >= ID_SPACE || !seen.add(m.id())) {
                failures.add("bad or repeated id " + m.id() + " in " + matches);
            }
            if (filter != null && !filter.test(m.id())) {
                failures.add("filter not applied: " + m.id());
            }
            if (m.score() > previous || m.score() < 0 || m.score() > 1) {
                failures.add("scores out of order or range: " + matches);
            }
            previous = m.score();
        }
    }
}
