package io.glen.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.WalSyncMode;
import io.glen.engine.crash.CrashHarness.KillPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long kill -9 loop: many kill/reopen iterations on ONE directory, the WAL sync mode rotating
 * ALWAYS → INTERVAL → NONE, six writer threads and (mostly) continuous compaction in the child, every
 * iteration continuing the workload where the verified recovery ended, so the invariants of
 * {@link CrashHarness} are checked on the state accumulated over all iterations.
 *
 * <p>Excluded from the default build; run with
 * {@code ./mvnw -B -o -pl glen-engine test -Psoak -Dtest='io.glen.engine.crash.**'}.
 * {@code -Dglen.soak.iterations=N} sets the number of iterations (default 300: one to two seconds
 * each, so about 5 to 10 minutes on a small, busy machine), {@code -Dglen.crash.seed=S} the seed of the kill plan.
 */
@Tag("soak")
class KillNineSoakTest {

    static final int ITERATIONS = Integer.getInteger("glen.soak.iterations", 300);
    static final long SEED = Long.getLong("glen.crash.seed", System.nanoTime());

    @TempDir
    Path tmp;

    @Test
    void killNineLoopOnOneDirectory() throws Exception {
        Random random = new Random(SEED);
        CrashHarness harness = new CrashHarness(tmp.resolve("db"), tmp, 6, Duration.ofSeconds(180), "soak");
        WalSyncMode[] modes = WalSyncMode.values();
        long started = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            long compactPause = random.nextInt(10) == 0 ? -1 : random.nextInt(3) == 0 ? 50 : 5;
            harness.crashAndVerify(modes[i % modes.length], killPoint(random), compactPause);
        }
        System.out.printf("[crash] soak SUMMARY: %d kill -9 iterations on one directory, %d acknowledged writes "
                        + "verified, %d steps recovered in total (%d in-flight steps found durable), %d kills during "
                        + "compaction, %d kills before READY, %d compactions completed by children, seed %d, %d s%n",
                harness.iterations(), harness.totalAcks(), harness.stepsRecovered(), harness.inFlightStepsRecovered(),
                harness.killsDuringCompaction(), harness.killsDuringOpen(), harness.compactionsCompleted(), SEED,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        assertThat(harness.iterations()).isEqualTo(ITERATIONS);
    }

    private static KillPoint killPoint(Random random) {
        int category = random.nextInt(20);
        if (category < 3) {
            return KillPoint.duringOpen(category == 0 ? 0 : random.nextInt(600));
        }
        if (category < 5) {
            return KillPoint.afterAcks(random.nextInt(20));
        }
        if (category < 13) {
            return KillPoint.afterAcks(20 + random.nextInt(2000));
        }
        return KillPoint.afterAcks(2000 + random.nextInt(6000));
    }
}
