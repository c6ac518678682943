package io.glen.engine.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under {@link WalSyncMode#ALWAYS} concurrent writers share forces instead of forcing one by one. */
class GroupCommitTest {

    private static final long TIMEOUT_SECONDS = 30;

    @TempDir
    Path dir;

    private static <T> List<T> runAll(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return results;
    }

    /**
     * Structural: the first leader is held inside its force until every writer has appended its
     * record, so the remaining records can only be made durable by the next leader's single force.
     */
    @Test
    void writersQueuedBehindAForceAreCoveredByOneMoreForce() throws Exception {
        int writers = 16;
        HookedStorageFiles files = new HookedStorageFiles();
        GlenOptions options = GlenOptions.builder().walSync(WalSyncMode.ALWAYS).storageFiles(files).build();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try (GlenDB db = GlenDB.open(dir, options)) {
            long startLsn = db.stats().lsn();
            long syncsBefore = db.stats().walSyncs();
            CountDownLatch heldOnce = new CountDownLatch(1);
            AtomicLong appendedWhenReleased = new AtomicLong();
            files.onWalForce(() -> {
                if (heldOnce.getCount() == 0) {
                    return;
                }
                heldOnce.countDown();
                // Wait (bounded) until every writer has appended its record, which under ALWAYS
                // then waits for a force before it becomes visible.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
                while (db.stats().walAwaitingForce() < writers && System.nanoTime() < deadline) {
                    Thread.yield();
                }
                appendedWhenReleased.set(db.stats().walAwaitingForce());
            });
            CyclicBarrier start = new CyclicBarrier(writers);
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String id = "w" + w;
                tasks.add(() -> {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    long version = db.put("c", id, Value.of(id));
                    assertThat(db.stats().durableLsn()).as("acknowledged only once durable").isGreaterThanOrEqualTo(version);
                    return version;
                });
            }

            List<Long> versions = runAll(pool, tasks);
            files.clearWalForceHook();

            assertThat(appendedWhenReleased.get()).as("every writer appended while the leader forced")
                    .isEqualTo(writers);
            assertThat(db.stats().lsn()).isEqualTo(startLsn + writers);
            assertThat(versions).doesNotHaveDuplicates().hasSize(writers);
            assertThat(db.stats().walSyncs() - syncsBefore).as("forces for " + writers + " writes")
                    .isLessThanOrEqualTo(2);
            assertThat(db.count("c")).isEqualTo(writers);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void manyConcurrentWritersUnderAlwaysNeedFewerForcesThanWrites() throws Exception {
        int writers = 16;
        int writesEach = 40;
        GlenOptions options = GlenOptions.builder().walSync(WalSyncMode.ALWAYS).build();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long syncs;
            try (GlenDB db = GlenDB.open(dir, options)) {
                long syncsBefore = db.stats().walSyncs();
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Callable<Integer>> tasks = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    tasks.add(() -> {
                        start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        for (int i = 0; i < writesEach; i++) {
                            long version = i % 4 == 3
                                    ? db.putMany("c", java.util.Map.of("w" + writer + "-" + i, Value.of(i),
                                            "w" + writer + "-" + i + "b", Value.of(-i)))
                                    : db.put("c", "w" + writer + "-" + i, Value.of(i));
                            if (db.stats().durableLsn() < version) {
                                throw new AssertionError("write " + version + " acknowledged before it was durable");
                            }
                        }
                        return writesEach;
                    });
                }
                int acknowledged = runAll(pool, tasks).stream().mapToInt(Integer::intValue).sum();
                syncs = db.stats().walSyncs() - syncsBefore;

                assertThat(acknowledged).isEqualTo(writers * writesEach);
                assertThat(syncs).as("group commit: forces < acknowledged writes (" + acknowledged + ")")
                        .isPositive().isLessThan(acknowledged);
                assertThat(db.stats().batches()).isEqualTo(acknowledged);
            }
            try (GlenDB db = GlenDB.open(dir)) {
                assertThat(db.count("c")).isEqualTo(writers * writesEach + writers * (writesEach / 4));
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }
}
