package io.glen.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.WalSyncMode;
import io.glen.engine.crash.CrashHarness.KillPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real crashes: a child JVM writes from several threads (puts, overwrites, all-or-nothing
 * {@code putMany} batches, deletes, counter overwrites) while compacting every few milliseconds on
 * 64 KiB WAL segments, and is killed with SIGKILL at several points; after each kill the database
 * is reopened here and must hold exactly a per-thread prefix of the steps that contains every
 * acknowledged one (see {@link CrashHarness} for the checks and why they hold in every
 * {@link WalSyncMode}).
 *
 * <p>Per mode, six kill points on one directory, so later ones also recover from earlier
 * recoveries: after a few hundred to ~2000 acks; as soon as the child prints OPENING (start-up);
 * right after READY or a handful of acks; after ~1500 to ~4500 acks with no compaction (recovery
 * replays many segments); 50-450 ms after OPENING (start-up, recovery or first writes); after
 * ~500 to ~3500 acks with slower compaction. Unless noted the child compacts every 10 ms on
 * 64 KiB segments, so many kills land inside a compaction (the output says which). The counts
 * are drawn from a seed printed with the results; rerun with {@code -Dglen.crash.seed=<seed>}
 * for the same plan (where exactly the kill lands inside the child still varies with timing).
 */
class KillNineRecoveryTest {

    static final long SEED = Long.getLong("glen.crash.seed", System.nanoTime());

    /** A kill point and the pause between the child's compactions (-1: it does not compact). */
    private record Point(KillPoint kill, long compactPauseMillis) {
    }

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(WalSyncMode.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyAcknowledgedWriteSurvivesKillNine(WalSyncMode mode) throws Exception {
        Random random = new Random(SEED * 31 + mode.ordinal());
        CrashHarness harness = new CrashHarness(tmp.resolve("db"), tmp, 4, Duration.ofSeconds(120), "kill9-" + mode);
        List<Point> plan = List.of(
                new Point(KillPoint.afterAcks(300 + random.nextInt(1700)), 10),
                new Point(KillPoint.duringOpen(0), 10),
                new Point(KillPoint.afterAcks(random.nextInt(12)), 10),
                new Point(KillPoint.afterAcks(1500 + random.nextInt(3000)), -1),
                new Point(KillPoint.duringOpen(50 + random.nextInt(400)), 10),
                new Point(KillPoint.afterAcks(500 + random.nextInt(3000)), 50));
        long started = System.nanoTime();
        for (Point point : plan) {
            harness.crashAndVerify(mode, point.kill(), point.compactPauseMillis());
        }
        System.out.printf("[crash] kill9-%s SUMMARY: %d crash points, %d acknowledged writes verified, %d steps "
                        + "recovered in total (%d in-flight steps found durable), %d kills during compaction, "
                        + "%d kills before READY, %d compactions completed by children, seed %d, %d ms%n",
                mode, harness.iterations(), harness.totalAcks(), harness.stepsRecovered(),
                harness.inFlightStepsRecovered(), harness.killsDuringCompaction(), harness.killsDuringOpen(),
                harness.compactionsCompleted(), SEED, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(harness.iterations()).isEqualTo(plan.size());
    }
}
