package io.glen.engine.search.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One writer moves, adds and removes points while readers query: no failure, no id twice, exact answers afterwards. */
class GeoIndexConcurrencyTest {

    @Test
    void readersNeverFailOrSeeADocumentTwiceWhileOneWriterMovesPoints() throws Exception {
        long seed = 616;
        System.out.println("GeoIndexConcurrencyTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        GeoIndex index = new GeoIndex();
        Map<String, GeoPoint> model = new HashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong queries = new AtomicLong();
        Thread[] readers = new Thread[4];
        for (int r = 0; r < readers.length; r++) {
            SplittableRandom own = new SplittableRandom(seed + 1 + r);
            readers[r] = new Thread(() -> {
                while (writing.get()) {
                    try {
                        GeoPoint c = new GeoPoint(own.nextDouble(-20, 20), own.nextDouble(-20, 20));
                        distinct(index.near(c, 20), failures);
                        distinct(index.withinCircle(c, 500_000), failures);
                        distinct(index.withinBox(new GeoBox(c.lon() - 5, c.lat() - 5, c.lon() + 5, c.lat() + 5)), failures);
                        queries.incrementAndGet();
                    } catch (RuntimeException | Error e) {
                        failures.add(e.toString());
                    }
                }
            });
            readers[r].start();
        }
        for (int op = 0; op < 30_000; op++) {
            String id = "d" + random.nextInt(2_000);
            if (random.nextInt(4) == 0) {
                index.remove(id);
                model.remove(id);
            } else {
                GeoPoint p = new GeoPoint(random.nextDouble(-25, 25), random.nextDouble(-25, 25));
                index.put(id, p);
                model.put(id, p);
            }
        }
        writing.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failures).isEmpty();
        assertThat(queries.get()).isPositive();
        assertThat(index.size()).isEqualTo(model.size());
        model.forEach((id, p) -> assertThat(index.point(id)).isEqualTo(p));
        List<GeoMatch> all = index.withinBox(new GeoBox(-180, -90, 180, 90));
        assertThat(all).hasSize(model.size());
    }

    private static void distinct(List<GeoMatch> matches, ConcurrentLinkedQueue<String> failures) {
        Set<String> seen = new HashSet<>();
        for (GeoMatch m : matches) {
            if (!seen.add(m.id())) {
                failures.add("id twice: " + m.id());
            }
        }
    }
}
