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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What readers see, against a power loss (which, unlike kill -9, drops what was written but not
 * forced): 4 writers overwrite 8 shared documents while 2 readers record every (document, version,
 * value) they see, and the power is cut before a random mutating operation. After reopening:
 * <ul>
 *   <li>under ALWAYS every version a reader saw survived: each document is back at that version
 *       with that value, or at a later one (a reader sees only durable writes);</li>
 *   <li>in every mode no recovered document holds a version a reader saw with another value, and
 *       writes after the reopen get versions above every version seen before the power loss (a
 *       version seen is never given to other content).</li>
 * </ul>
 * Each iteration's seed is in the failure message; the soak variant runs many more.
 */
class VisibilityPowerLossTest {

    static final int WRITERS = 4;
    static final int READERS = 2;
    static final int DOCS = 8;
    static final int PUTS_PER_WRITER = 40;

    @Test
    void readersSeeOnlyWhatSurvivesAndVersionsAreNeverReused() throws Exception {
        run(60);
    }

    @Test
    @Tag("soak")
    void readersSeeOnlyWhatSurvivesAndVersionsAreNeverReusedSoak() throws Exception {
        run(3000);
    }

    /** A document seen at a version with a value. */
    private record Seen(String id, long version, Value value) {
    }

    private static void run(int iterations) throws Exception {
        SyncSetup[] setups = {SyncSetup.ALWAYS, SyncSetup.INTERVAL_BACKGROUND_FORCE, SyncSetup.INTERVAL, SyncSetup.NONE};
        long observations = 0;
        for (int iteration = 0; iteration < iterations; iteration++) {
            observations += iteration(iteration, setups[iteration % setups.length]);
        }
        System.out.printf("[durability] visibility under power loss: %d iterations over %d setups, %d writers and %d "
                + "readers, %d versions seen and checked, 0 violations%n", iterations, setups.length, WRITERS, READERS,
                observations);
    }

    private static long iteration(long seed, SyncSetup setup) throws Exception {
        Random random = new Random(seed);
        SimulatedStorageFiles sim = new SimulatedStorageFiles(seed).tornTails(TornTails.values()[random.nextInt(3)]);
        GlenOptions options = Harness.options(sim, setup);
        GlenDB db = GlenDB.open(Harness.DIR, options);
        int perPut = setup.mode == WalSyncMode.ALWAYS ? 2 : 1;
        sim.powerLossAtMutation(sim.mutationCount() + 1 + random.nextInt(WRITERS * PUTS_PER_WRITER * perPut));
        Map<String, Seen> seenByVersionAndId = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> unexpected = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch writersDone = new CountDownLatch(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < PUTS_PER_WRITER; i++) {
                        String id = "d" + ((writer + i) % DOCS);
                        Value value = Value.of("w" + writer + "-" + i);
                        long version = db.put("c", id, value);
                        seenByVersionAndId.put(version + "/" + id, new Seen(id, version, value));
                    }
                } catch (GlenStorageException expected) {
                    // The power is gone: this writer stops.
                } catch (Throwable e) {
                    synchronized (unexpected) {
                        unexpected.add(e);
                    }
                } finally {
                    writersDone.countDown();
                }
            }));
        }
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            threads.add(new Thread(() -> {
                Random picks = new Random(seed * 7 + reader);
                try {
                    start.await();
                    while (writing.get()) {
                        String id = "d" + picks.nextInt(DOCS);
                        Document doc = db.getDocument("c", id);
                        if (doc != null) {
                            seenByVersionAndId.put(doc.version() + "/" + id, new Seen(id, doc.version(), doc.value()));
                        }
                    }
                } catch (Throwable e) {
                    synchronized (unexpected) {
                        unexpected.add(e);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        writersDone.await();
        writing.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(unexpected).as("seed %d: only storage failures may surface", seed).isEmpty();
        Harness.powerCycle(sim, db);

        String context = "seed " + seed + " " + setup;
        long highestSeen = 0;
        try (GlenDB reopened = GlenDB.open(Harness.DIR, options)) {
            for (Seen seen : seenByVersionAndId.values()) {
                highestSeen = Math.max(highestSeen, seen.version());
                Document doc = reopened.getDocument("c", seen.id());
                long recovered = doc == null ? 0 : doc.version();
                if (recovered == seen.version()) {
                    assertThat(doc.value()).as("%s: %s recovered at the version seen, with another value", context,
                            seen).isEqualTo(seen.value());
                } else if (setup.mode == WalSyncMode.ALWAYS) {
                    assertThat(recovered).as("%s: %s was seen but did not survive the power loss", context, seen)
                            .isGreaterThan(seen.version());
                }
            }
            long next = reopened.put("c", "after", Value.of("after"));
            assertThat(next).as("%s: the first version after recovery is above every version seen", context)
                    .isGreaterThan(highestSeen);
        } catch (GlenException e) {
            throw new AssertionError(context + ": reopening failed", e);
        }
        return seenByVersionAndId.size();
    }
}
