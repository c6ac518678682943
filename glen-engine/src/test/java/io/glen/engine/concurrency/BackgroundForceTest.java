package io.glen.engine.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interval mode forces on the WAL thread while writers keep writing, segments rotate and the
 * database closes: none of that may poison the log or lose an acknowledged write.
 */
class BackgroundForceTest {

    private static final int THREADS = 4;
    private static final int PUTS = 1_500;

    @TempDir
    Path dir;

    @Test
    void backgroundForcesRaceWritersRotationAndCloseWithoutPoisoningOrLoss() throws Exception {
        GlenOptions options = GlenOptions.builder().walSync(WalSyncMode.INTERVAL)
                .walFlushEveryBytes(512).walFlushInterval(Duration.ofMillis(1))
                .walSegmentBytes(16 * 1024).build();
        for (int round = 0; round < 5; round++) {
            long syncs;
            try (GlenDB db = GlenDB.open(dir, options)) {
                long before = db.stats().walSyncs();
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    int r = round;
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < PUTS; i++) {
                            db.put("c", "r" + r + "-t" + thread + "-" + i, Value.object().put("i", i)
                                    .put("pad", "x".repeat(100)).build());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
                pool.shutdown();
                syncs = db.stats().walSyncs() - before;
                db.put("c", "after-" + round, Value.of(round)); // throws if a force had poisoned the log
                assertThat(db.stats().walSegments()).isGreaterThan(1);
            } // closing races the forces still queued on the WAL thread
            assertThat(syncs).as("forces happened while writing (round %d)", round).isPositive();
            try (GlenDB db = GlenDB.open(dir, options)) {
                assertThat(db.count("c")).isEqualTo((long) (round + 1) * (THREADS * PUTS + 1));
            }
        }
    }
}
