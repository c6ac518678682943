package io.glen.engine.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A thread's interrupt status concerns that thread only. Application threads get interrupted all
 * the time (cancelled futures, executor shutdowns, request timeouts); the database they share must
 * not become unwritable because one of them happened to be the group-commit leader.
 */
class InterruptedCallersTest {

    private static final long TIMEOUT_SECONDS = 30;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(WalSyncMode.class)
    void aWriteFromAnInterruptedThreadDoesNotPoisonTheDatabase(WalSyncMode mode) {
        GlenOptions options = GlenOptions.builder().walSync(mode).walFlushEveryBytes(1).build();
        try (GlenDB db = GlenDB.open(dir, options)) {
            db.put("c", "before", Value.of(1));

            Thread.currentThread().interrupt();
            try {
                db.put("c", "interrupted", Value.of(2));
                assertThat(Thread.currentThread().isInterrupted()).as("the caller keeps its interrupt status").isTrue();
            } finally {
                Thread.interrupted();
            }

            assertThat(db.admin().walFailure()).as("WAL failure").isNull();
            assertThat(db.admin().isWritable()).isTrue();
            db.put("c", "after", Value.of(3));
            assertThat(db.getAll("c")).containsOnlyKeys("before", "interrupted", "after");
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.getAll("c")).containsOnlyKeys("before", "interrupted", "after");
        }
    }

    @Test
    void maintenanceFromAnInterruptedThreadDoesNotPoisonTheDatabase() {
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("c", "a", Value.of(1));

            Thread.currentThread().interrupt();
            try {
                db.admin().compact();
                db.admin().snapshotAll();
                db.admin().backup(dir.resolveSibling(dir.getFileName() + "-backup"));
            } finally {
                Thread.interrupted();
            }

            assertThat(db.admin().isWritable()).isTrue();
            db.put("c", "b", Value.of(2));
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.getAll("c")).containsOnlyKeys("a", "b");
        }
    }

    @Test
    void closingFromAnInterruptedThreadStillForcesAndReleases() {
        GlenDB db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.NONE).build());
        db.put("c", "a", Value.of(1));

        Thread.currentThread().interrupt();
        try {
            db.close();
        } finally {
            Thread.interrupted();
        }

        assertThat(db.admin().walFailure()).isNull();
        try (GlenDB reopened = GlenDB.open(dir)) {
            assertThat(reopened.get("c", "a")).isEqualTo(Value.of(1));
        }
    }

    /**
     * Closing while the interval timer forces every millisecond under a steady stream of writes:
     * the close must never leave the log poisoned, and writers must only ever see the database
     * closed, not a failed log. (Repeated, because the timer is in the middle of a force during
     * part of every millisecond; a close that interrupts the timer hits a force soon enough.)
     */
    @Test
    void closeDuringBackgroundForcesNeverPoisonsTheLog() throws Exception {
        GlenOptions options = GlenOptions.builder().walSync(WalSyncMode.INTERVAL)
                .walFlushInterval(Duration.ofMillis(1)).build();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 25; round++) {
                Path roundDir = dir.resolve("round-" + round);
                GlenDB db = GlenDB.open(roundDir, options);
                CountDownLatch warm = new CountDownLatch(1);
                Future<Integer> writes = writer.submit(() -> {
                    int n = 0;
                    try {
                        while (true) {
                            db.put("c", "k" + (n % 100), Value.of(n));
                            if (++n == 200) {
                                warm.countDown();
                            }
                        }
                    } catch (io.glen.engine.GlenClosedException expected) {
                        return n;
                    }
                });
                assertThat(warm.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

                db.close();

                assertThat(writes.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("round " + round).isGreaterThanOrEqualTo(200);
                assertThat(db.admin().walFailure()).as("round " + round + ": log poisoned by close").isNull();
            }
        } finally {
            writer.shutdownNow();
            assertThat(writer.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * The interval timer forces the log in the background; closing must not interrupt it in the
     * middle of a force (which would close the log file under it and skip the final force). The
     * timer's force is held until close() has begun; a close that interrupts the timer then hits
     * it inside (or just before) its force.
     */
    @Test
    void closeDoesNotInterruptABackgroundForce() throws Exception {
        HookedStorageFiles files = new HookedStorageFiles();
        GlenOptions options = GlenOptions.builder().walSync(WalSyncMode.INTERVAL)
                .walFlushInterval(Duration.ofMillis(1)).storageFiles(files).build();
        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            GlenDB db = GlenDB.open(dir, options);
            CountDownLatch timerInForce = new CountDownLatch(1);
            files.onWalForce(() -> {
                if (Thread.currentThread().getName().equals("glen-wal-sync") && timerInForce.getCount() == 1) {
                    timerInForce.countDown();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
                    while (!db.isClosed() && System.nanoTime() < deadline) {
                        Thread.yield();
                    }
                }
            });
            db.put("c", "a", Value.of(1));
            assertThat(timerInForce.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the timer forced").isTrue();

            Future<?> closing = closer.submit(db::close);
            closing.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(db.admin().walFailure()).as("the log was not poisoned by closing").isNull();
            try (GlenDB reopened = GlenDB.open(dir)) {
                assertThat(reopened.get("c", "a")).isEqualTo(Value.of(1));
            }
        } finally {
            closer.shutdownNow();
            assertThat(closer.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }
}
