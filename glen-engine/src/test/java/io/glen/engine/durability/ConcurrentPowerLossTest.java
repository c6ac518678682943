package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenException;
import io.glen.engine.GlenOptions;
import io.glen.engine.GlenStorageException;
import io.glen.engine.WalSyncMode;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.testing.SimulatedStorageFiles.TornTails;
import io.glen.engine.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Power loss under concurrent writers (group commit), which the scripted single-threaded tests
 * cannot reach: 4 threads each put their own documents in sequence while a compaction runs, and
 * the power is cut before a random mutating operation. Checked after reopening: the state is an
 * LSN prefix (every acknowledged write with an LSN up to the recovered LSN is there with that
 * version, none above it is), each thread's documents form a prefix of its sequence, and under
 * ALWAYS every acknowledged write survived. The I/O order depends on scheduling, so each
 * iteration's seed is in the failure message. The soak variant runs many more iterations.
 */
class ConcurrentPowerLossTest {

    static final int THREADS = 4;
    static final int PUTS_PER_THREAD = 40;

    @Test
    void powerLossUnderConcurrentWriters() throws Exception {
        run(60);
    }

    @Test
    @Tag("soak")
    void powerLossUnderConcurrentWritersSoak() throws Exception {
        run(3000);
    }

    private static void run(int iterations) throws Exception {
        SyncSetup[] setups = {SyncSetup.ALWAYS, SyncSetup.INTERVAL_BACKGROUND_FORCE, SyncSetup.INTERVAL};
        int[] perSetup = new int[setups.length];
        long totalAcked = 0;
        for (int iteration = 0; iteration < iterations; iteration++) {
            perSetup[iteration % setups.length]++;
            totalAcked += iteration(iteration, setups[iteration % setups.length]);
        }
        System.out.printf("[durability] concurrent power loss: %d iterations (ALWAYS %d, INTERVAL with background"
                + " forces %d, INTERVAL with writer forces %d), %d threads x %d puts + a compaction, random crash point"
                + " and torn tails; %d acknowledged writes checked%n",
                iterations, perSetup[0], perSetup[1], perSetup[2], THREADS, PUTS_PER_THREAD, totalAcked);
    }

    private static long iteration(long seed, SyncSetup setup) throws Exception {
        WalSyncMode mode = setup.mode;
        Random random = new Random(seed);
        SimulatedStorageFiles sim = new SimulatedStorageFiles(seed).tornTails(TornTails.values()[random.nextInt(3)]);
        GlenOptions options = Harness.options(sim, setup);
        GlenDB db = GlenDB.open(Harness.DIR, options);
        // About 2 mutations per put under ALWAYS; cut somewhere in the first 1.3x of the workload.
        sim.powerLossAtMutation(1 + random.nextInt(THREADS * PUTS_PER_THREAD * 13 / 10 * (mode == WalSyncMode.ALWAYS ? 2 : 1)));
        ConcurrentHashMap<String, Long> acked = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> unexpected = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < PUTS_PER_THREAD; i++) {
                        String id = "w" + thread + "-" + i;
                        long lsn = db.put("c" + (thread % 2), id, Value.of(id));
                        acked.put(id, lsn);
                        if (thread == 0 && i == PUTS_PER_THREAD / 2) {
                            db.admin().compact();
                        }
                    }
                } catch (GlenStorageException expected) {
                    // The power is gone: this writer stops.
                } catch (Throwable e) {
                    synchronized (unexpected) {
                        unexpected.add(e);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(unexpected).as("seed %d: only storage failures may surface", seed).isEmpty();
        Harness.powerCycle(sim, db);

        try (GlenDB reopened = GlenDB.open(Harness.DIR, options)) {
            long lsn = reopened.stats().lsn();
            for (int t = 0; t < THREADS; t++) {
                String collection = "c" + (t % 2);
                boolean gap = false;
                for (int i = 0; i < PUTS_PER_THREAD; i++) {
                    String id = "w" + t + "-" + i;
                    Document doc = reopened.getDocument(collection, id);
                    Long ackedLsn = acked.get(id);
                    String context = "seed " + seed + " " + setup + " " + id + " (acknowledged LSN " + ackedLsn
                            + ", recovered LSN " + lsn + ")";
                    if (doc == null) {
                        gap = true;
                        assertThat(ackedLsn == null || ackedLsn > lsn).as(context + ": acknowledged write at or below the"
                                + " recovered LSN is missing").isTrue();
                        if (mode == WalSyncMode.ALWAYS) {
                            assertThat(ackedLsn).as(context + ": lost an acknowledged write under ALWAYS").isNull();
                        }
                    } else {
                        assertThat(gap).as(context + ": a later write of a thread survived an earlier one").isFalse();
                        assertThat(doc.value()).as(context).isEqualTo(Value.of(id));
                        assertThat(doc.version()).as(context).isLessThanOrEqualTo(lsn);
                        if (ackedLsn != null) {
                            assertThat(doc.version()).as(context).isEqualTo(ackedLsn);
                        }
                    }
                }
            }
            long documents = Stream.of("c0", "c1").mapToLong(reopened::count).sum();
            assertThat(documents).as("seed %d: no other documents", seed).isLessThanOrEqualTo(THREADS * PUTS_PER_THREAD);
        } catch (GlenException e) {
            throw new AssertionError("seed " + seed + " " + setup + ": reopening failed", e);
        }
        return acked.size();
    }
}
