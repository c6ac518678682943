package io.glen.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A version, once seen, identifies one write for the life of the database, and under ALWAYS a
 * reader sees only durable writes. A child JVM ({@link VersionWorkload}) runs four writers (puts,
 * batches, transactions) and two readers racing them on 32 documents, printing every version
 * anyone saw with the write it belonged to, and is killed with SIGKILL at a random point; the
 * parent reopens, reads every document, then writes probes (the very LSNs a reuse would hand
 * out). Across all cycles on one directory:
 * <ul>
 *   <li>every version is seen with one write only (observations, recovered documents and probes);</li>
 *   <li>every document recovers at a version at least as high as any seen before the kill: under
 *       ALWAYS a seen write was durable, and in every mode a write is in the operating system's
 *       hands (which a kill of the process does not take back) before anyone can see it.</li>
 * </ul>
 * The kill plan comes from a seed printed with the results ({@code -Dglen.crash.seed}).
 */
class KillNineVersionTest {

    static final long SEED = Long.getLong("glen.crash.seed", System.nanoTime());
    static final int WRITERS = 4;
    static final int READERS = 2;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = WalSyncMode.class, names = {"ALWAYS", "INTERVAL"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aSeenVersionIsNeverGivenToOtherContent(WalSyncMode mode) throws Exception {
        run(mode, 3);
    }

    @Test
    @Tag("soak")
    void aSeenVersionIsNeverGivenToOtherContentSoak() throws Exception {
        int cycles = Integer.getInteger("glen.soak.iterations", 300) / 3;
        for (WalSyncMode mode : WalSyncMode.values()) {
            run(mode, Math.max(3, cycles));
        }
    }

    private void run(WalSyncMode mode, int cycles) throws Exception {
        Random random = new Random(SEED * 31 + mode.ordinal());
        Path dir = tmp.resolve("db-" + mode);
        VersionHistory history = new VersionHistory();
        long lostSeenWrites = 0;
        long started = System.nanoTime();
        for (int cycle = 0; cycle < cycles; cycle++) {
            history.startCycle();
            long killAfter = 200 + random.nextInt(4000);
            String where = mode + " cycle " + cycle + " (kill after " + killAfter + " observations, seed " + SEED + ")";
            runChild(dir, mode, cycle, killAfter, history, where);
            lostSeenWrites += verifyAndProbe(dir, mode, cycle, history, where);
        }
        System.out.printf("[crash] versions %s: %d kill -9 cycles, %d observations of %d distinct versions, %d seen "
                        + "writes taken back by a kill, %d violations, seed %d, %d ms%n",
                mode, cycles, history.observations(), history.distinctVersions(), lostSeenWrites,
                history.violationCount(), SEED, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(history.violations()).as("%s: versions seen with more than one write, or seen writes lost "
                + "(seed %d)", mode, SEED).isEmpty();
    }

    private void runChild(Path dir, WalSyncMode mode, int cycle, long killAfter, VersionHistory history, String where)
            throws Exception {
        AtomicLong seen = new AtomicLong();
        StringBuilder problems = new StringBuilder();
        ChildJvm.LineListener listener = line -> {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "OPENING", "READY" -> {
                    return false;
                }
                case "OBS" -> {
                    history.observe(parts[1], parts[2], Long.parseLong(parts[3]), parts[4], "before the kill");
                    return seen.incrementAndGet() == killAfter;
                }
                default -> {
                    synchronized (problems) {
                        problems.append(line).append('\n');
                    }
                    return false;
                }
            }
        };
        List<String> args = List.of(dir.toString(), mode.name(), Integer.toString(cycle), Integer.toString(WRITERS),
                Integer.toString(READERS));
        try (ChildJvm child = ChildJvm.start(VersionWorkload.class, args, tmp.resolve("versions-" + mode + "-" + cycle
                + ".err"), listener)) {
            if (!child.awaitEndOfOutput(Duration.ofSeconds(120))) {
                String dump = child.threadDump();
                child.kill();
                throw new AssertionError(where + ": the child did not reach the kill point (" + seen.get()
                        + " observations)\n" + child.stderr() + "\n" + dump);
            }
            Integer exit = child.awaitExit(Duration.ofSeconds(30));
            assertThat(problems.toString()).as(where + ": the child reported problems; stderr:\n" + child.stderr())
                    .isEmpty();
            assertThat(child.killedByUs()).as(where + ": the child ended by itself (exit " + exit + ")\n"
                    + child.stderr()).isTrue();
            assertThat(exit).as(where + ": exit code").isEqualTo(128 + 9);
        }
    }

    /** Reopens after a kill, checks what survived, writes probes; returns how many seen writes were lost. */
    private static long verifyAndProbe(Path dir, WalSyncMode mode, int cycle, VersionHistory history, String where) {
        Map<String, Long> highestSeen = history.highestSeenThisCycle();
        long lost = 0;
        try (GlenDB db = GlenDB.open(dir, CrashWorkload.options(mode))) {
            for (String collection : VersionWorkload.COLLECTIONS) {
                for (int i = 0; i < VersionWorkload.IDS; i++) {
                    String id = VersionWorkload.id(i);
                    Document doc = db.getDocument(collection, id);
                    long recovered = doc == null ? 0 : doc.version();
                    if (doc != null) {
                        history.observe(collection, id, recovered, doc.value().get("t").asString(), "after recovery");
                    }
                    Long seen = highestSeen.get(collection + "/" + id);
                    if (seen != null && recovered < seen) {
                        lost++;
                        history.violation(where + ": " + collection + "/" + id + " was seen at version " + seen
                                + " but recovered at " + recovered + ": a reader saw a write that "
                                + (mode == WalSyncMode.ALWAYS ? "was not durable" : "had not reached the operating system"));
                    }
                }
            }
            for (int p = 0; p < 50; p++) {
                String token = "probe-" + cycle + "-" + p;
                long version = db.put("probe", "p" + cycle + "-" + p, Value.object().put("t", token).build());
                history.observe("probe", "p" + cycle + "-" + p, version, token, "by a probe after recovery");
            }
        }
        return lost;
    }
}
