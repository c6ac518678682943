package io.glen.engine.crash;

import io.glen.engine.GlenDB;
import io.glen.engine.WalSyncMode;
import io.glen.engine.crash.Workload.ThreadModel;
import io.glen.engine.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs kill -9 iterations against one database directory and checks, after each, what recovery
 * brought back against the acknowledgements the child printed before it died.
 *
 * <p>Per iteration: start {@link CrashWorkload} continuing every thread where the recovered state
 * ended; SIGKILL it at the chosen {@link KillPoint}; read its stdout to the end (acks printed
 * after the trigger but before the kill count too); reopen in this JVM and require, per thread,
 * that the recovered documents are exactly the state of the steps {@code 0..k} (see
 * {@link Workload}) for {@code k = lastAck} or {@code k = lastAck + 1} — the one step that may have
 * been in flight when the kill came. That single check means: no acknowledged write is lost or
 * altered, no hole, nothing beyond what was started, every batch and multi-delete all-or-nothing,
 * counters consistent with the prefix. More specific checks run first for clearer messages. Then
 * the database must take a write, close, and reopen with everything intact.
 *
 * <p>Why the same check holds under every {@link WalSyncMode}: Glen hands each batch to the
 * operating system before the call returns (a copy into a shared mapping of the WAL segment, or
 * {@code FileChannel.write} with {@code walMemoryMapped(false)}), in every mode; the modes
 * only differ in whether and when {@code fsync} follows. SIGKILL ends the process, not the kernel:
 * data written to the page cache reaches the file whether or not it was forced. So after kill -9
 * even {@code NONE} must keep every acknowledged write; only a power loss or kernel crash (not
 * simulated here) may cost INTERVAL and NONE their unforced tail.
 */
final class CrashHarness {

    /** Where the child is killed. */
    record KillPoint(boolean atOpening, long delayMillis, int acks) {
        /**
         * {@code delayMillis} after the child said it is opening the database: lands in JVM
         * start-up, in recovery (snapshot loading, WAL replay, tail truncation) or in the first
         * writes, depending on the delay and the machine.
         */
        static KillPoint duringOpen(long delayMillis) {
            return new KillPoint(true, delayMillis, 0);
        }

        /** Right after the {@code acks}-th acknowledgement was read (0: right after READY). */
        static KillPoint afterAcks(int acks) {
            return new KillPoint(false, 0, acks);
        }

        @Override
        public String toString() {
            return atOpening ? delayMillis + " ms after OPENING" : "after " + acks + " acks";
        }
    }

    /** What one iteration saw. */
    record Iteration(int number, WalSyncMode mode, KillPoint kill, long acks, long[] recoveredK,
                     boolean killedDuringCompaction, long compactionsCompleted, long verifyMillis) {
    }

    private final Path dir;
    private final Path scratch;
    private final int threads;
    private final Duration iterationTimeout;
    private final ThreadModel[] models;
    private int iterations;
    private long totalAcks;
    private long killsDuringCompaction;
    private long killsDuringOpen;
    private long compactionsCompleted;
    private long inFlightStepsRecovered;
    private final String context;

    /**
     * @param dir the database directory (empty or absent at first)
     * @param scratch a directory for the children's stderr files
     */
    CrashHarness(Path dir, Path scratch, int threads, Duration iterationTimeout, String context) {
        this.dir = dir;
        this.scratch = scratch;
        this.threads = threads;
        this.iterationTimeout = iterationTimeout;
        this.context = context;
        this.models = new ThreadModel[threads];
        for (int t = 0; t < threads; t++) {
            models[t] = new ThreadModel(t);
        }
    }

    /** Collects what the child prints; runs on the reader thread. */
    private final class Listener implements ChildJvm.LineListener {
        final KillPoint kill;
        final long[] starts;
        final AtomicLongArray acked = new AtomicLongArray(threads);
        volatile long acks;
        volatile long acksAtTrigger = -1;
        volatile boolean opening;
        volatile boolean ready;
        volatile long lastCompactionStarted = -1;
        volatile long lastCompactionEnded = -1;
        final List<String> problems = new ArrayList<>();

        Listener(KillPoint kill, long[] starts) {
            this.kill = kill;
            this.starts = starts;
        }

        @Override
        public long killDelayMillis() {
            return kill.delayMillis();
        }

        @Override
        public boolean onLine(String line) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "OPENING":
                    opening = true;
                    break;
                case "READY":
                    ready = true;
                    break;
                case "ACK": {
                    int t = Integer.parseInt(parts[1]);
                    long seq = Long.parseLong(parts[2]);
                    long expected = starts[t] + acked.get(t);
                    if (seq != expected) {
                        problem("thread " + t + " acknowledged step " + seq + " but step " + expected + " was next");
                    }
                    acked.incrementAndGet(t);
                    acks++;
                    break;
                }
                case "CSTART":
                    lastCompactionStarted = Long.parseLong(parts[1]);
                    break;
                case "CEND":
                    lastCompactionEnded = Long.parseLong(parts[1]);
                    break;
                default:
                    problem("child: " + line);
            }
            boolean trigger = acksAtTrigger < 0
                    && (kill.atOpening() ? opening : ready && acks >= kill.acks());
            if (trigger) {
                acksAtTrigger = acks;
            }
            return trigger;
        }

        private void problem(String text) {
            synchronized (problems) {
                if (problems.size() < 50) {
                    problems.add(text);
                }
            }
        }

        List<String> problems() {
            synchronized (problems) {
                return List.copyOf(problems);
            }
        }
    }

    /**
     * Runs one child with the WAL in {@code mode}, compacting with {@code compactPauseMillis}
     * between compactions (-1: never), kills it at {@code kill} and verifies recovery.
     */
    Iteration crashAndVerify(WalSyncMode mode, KillPoint kill, long compactPauseMillis) throws Exception {
        try {
            return crashAndVerifyOnce(mode, kill, compactPauseMillis);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- " + preserveEvidence(), e);
        }
    }

    /**
     * Copies the database directory and the children's stderr files to
     * {@code target/crash-failures/}, since the temporary directory is deleted after the test.
     */
    private String preserveEvidence() {
        Path target = Path.of("target", "crash-failures", context + "-" + System.currentTimeMillis()).toAbsolutePath();
        try {
            copyTree(dir, target.resolve("db"));
            try (Stream<Path> files = Files.list(scratch)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".err"))::iterator) {
                    Files.createDirectories(target);
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return "database directory and child stderr copied to " + target;
        } catch (IOException | RuntimeException e) {
            return "could not copy the database directory to " + target + ": " + e;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
    }

    private Iteration crashAndVerifyOnce(WalSyncMode mode, KillPoint kill, long compactPauseMillis) throws Exception {
        int number = iterations++;
        long[] starts = new long[threads];
        for (int t = 0; t < threads; t++) {
            starts[t] = models[t].k + 1;
        }
        String starting = Arrays.toString(starts);
        List<String> args = List.of("write", dir.toString(), mode.name(),
                String.join(",", Arrays.stream(starts).mapToObj(Long::toString).toArray(String[]::new)),
                Long.toString(compactPauseMillis));
        Listener listener = new Listener(kill, starts);
        Path stderr = scratch.resolve("child-" + number + ".err");
        String childStderr;
        try (ChildJvm child = ChildJvm.start(args, stderr, listener)) {
            if (!child.awaitEndOfOutput(iterationTimeout)) {
                String dump = child.threadDump();
                child.kill();
                throw new AssertionError(describe(number, mode, kill, compactPauseMillis, starting)
                        + ": the child did not reach the kill point within " + iterationTimeout + " (acks read: "
                        + listener.acks + ", ready: " + listener.ready + ")\n--- child stderr:\n" + child.stderr()
                        + "\n--- child threads:\n" + dump);
            }
            Integer exit = child.awaitExit(Duration.ofSeconds(30));
            childStderr = child.stderr();
            String where = describe(number, mode, kill, compactPauseMillis, starting);
            if (child.readerFailure() != null) {
                throw new AssertionError(where + ": reading the child's output failed", child.readerFailure());
            }
            if (!child.killedByUs()) {
                throw new AssertionError(where + ": the child ended by itself (exit " + exit + ") before the kill point"
                        + " (acks: " + listener.acks + ", problems: " + listener.problems() + ")\n--- child stderr:\n"
                        + childStderr);
            }
            if (exit == null || exit != 128 + 9) {
                throw new AssertionError(where + ": expected exit code 137 (SIGKILL), got " + exit
                        + "\n--- child stderr:\n" + childStderr);
            }
            if (!listener.problems().isEmpty()) {
                throw new AssertionError(where + ": the child reported problems: " + listener.problems()
                        + "\n--- child stderr:\n" + childStderr);
            }
        }

        boolean duringCompaction = listener.lastCompactionStarted > listener.lastCompactionEnded;
        long[] lastAck = new long[threads];
        for (int t = 0; t < threads; t++) {
            lastAck[t] = starts[t] - 1 + listener.acked.get(t);
        }
        String where = describe(number, mode, kill, compactPauseMillis, starting) + ", acks read " + listener.acks + " ("
                + listener.acksAtTrigger + " at the trigger), last acked per thread " + Arrays.toString(lastAck)
                + (duringCompaction ? ", killed during compaction " + listener.lastCompactionStarted : "");

        long began = System.nanoTime();
        long[] recoveredK = new long[threads];
        GlenDB db = openOrFail(mode, where, childStderr);
        try {
            Map<Integer, Map<String, Value>> docsByThread = docsByThread(db, where);
            Map<String, Value> counters = db.getAll(Workload.COUNTERS);
            List<String> problems = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                recoveredK[t] = verifyThread(t, lastAck[t], docsByThread.getOrDefault(t, Map.of()),
                        counters.get(Workload.counterKey(t)), problems);
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(where + ": recovery broke the invariants:\n  "
                        + String.join("\n  ", problems.subList(0, Math.min(40, problems.size())))
                        + (problems.size() > 40 ? "\n  ... " + (problems.size() - 40) + " more" : "")
                        + "\n--- child stderr:\n" + childStderr);
            }
            long expectedCount = Arrays.stream(models).mapToLong(m -> m.docs.size()).sum();
            if (db.count(Workload.DOCS) != expectedCount) {
                throw new AssertionError(where + ": count(docs) is " + db.count(Workload.DOCS) + " but the streamed "
                        + "documents match a state of " + expectedCount);
            }
            // The recovered database takes writes...
            db.put("probe", "p" + number, Value.of(number));
        } finally {
            db.close();
        }
        // ...and reopens with them and the verified state intact.
        GlenDB again = openOrFail(mode, where + " (second open after verifying)", childStderr);
        try {
            for (int i = 0; i <= number; i++) {
                if (!Value.of(i).equals(again.get("probe", "p" + i))) {
                    throw new AssertionError(where + ": probe p" + i + " written after an earlier recovery is gone: "
                            + again.get("probe", "p" + i));
                }
            }
            Map<Integer, Map<String, Value>> docsByThread = docsByThread(again, where);
            Map<String, Value> counters = again.getAll(Workload.COUNTERS);
            for (int t = 0; t < threads; t++) {
                List<String> diff = diff(models[t], docsByThread.getOrDefault(t, Map.of()),
                        counters.get(Workload.counterKey(t)), models[t].k);
                if (!diff.isEmpty()) {
                    throw new AssertionError(where + ": after a clean close and reopen, thread " + t
                            + " no longer matches the verified state: " + diff.subList(0, Math.min(20, diff.size())));
                }
            }
        } finally {
            again.close();
        }
        long verifyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        long compactions = listener.lastCompactionEnded + 1;
        totalAcks += listener.acks;
        compactionsCompleted += compactions;
        killsDuringCompaction += duringCompaction ? 1 : 0;
        killsDuringOpen += listener.ready ? 0 : 1;
        inFlightStepsRecovered += countInFlight(recoveredK, lastAck);
        Iteration result = new Iteration(number, mode, kill, listener.acks, recoveredK, duringCompaction, compactions,
                verifyMillis);
        System.out.printf("[crash] %s #%d %s killed %s (compaction pause %d ms): %d acks verified (%d read before "
                        + "the kill fired), recovered k=%s, in-flight steps found=%d, compactions completed=%d%s%s, "
                        + "verify %d ms%n",
                context, number, mode, kill, compactPauseMillis, listener.acks, listener.acksAtTrigger,
                Arrays.toString(recoveredK),
                countInFlight(recoveredK, lastAck),
                compactions, duringCompaction ? ", KILLED DURING COMPACTION" : "",
                listener.ready ? "" : ", KILLED BEFORE READY", verifyMillis);
        return result;
    }

    private static long countInFlight(long[] recovered, long[] lastAck) {
        long n = 0;
        for (int i = 0; i < recovered.length; i++) {
            n += recovered[i] > lastAck[i] ? 1 : 0;
        }
        return n;
    }

    private GlenDB openOrFail(WalSyncMode mode, String where, String childStderr) {
        try {
            return GlenDB.open(dir, CrashWorkload.options(mode));
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": the database does not open after the crash: " + e
                    + "\n--- child stderr:\n" + childStderr, e);
        }
    }

    private Map<Integer, Map<String, Value>> docsByThread(GlenDB db, String where) {
        Map<Integer, Map<String, Value>> byThread = new HashMap<>();
        for (Map.Entry<String, Value> entry : db.getAll(Workload.DOCS).entrySet()) {
            String key = entry.getKey();
            int dash = key.indexOf('-');
            int t;
            try {
                t = key.startsWith("t") && dash > 1 ? Integer.parseInt(key.substring(1, dash)) : -1;
            } catch (NumberFormatException e) {
                t = -1;
            }
            if (t < 0 || t >= threads) {
                throw new AssertionError(where + ": unexpected document docs/" + key + " = " + entry.getValue());
            }
            byThread.computeIfAbsent(t, x -> new HashMap<>()).put(key, entry.getValue());
        }
        return byThread;
    }

    /**
     * Checks one thread and returns the prefix {@code k} its recovered state matches; advances the
     * thread's model to it. Adds a line per violation to {@code problems}.
     */
    private long verifyThread(int t, long lastAck, Map<String, Value> actual, @Nullable Value counter,
                              List<String> problems) {
        ThreadModel model = models[t];
        model.advanceTo(lastAck);
        int before = problems.size();

        // Nothing from a step the thread had not started: at most lastAck + 1 can be in flight.
        for (Map.Entry<String, Value> entry : actual.entrySet()) {
            long rev = revOf(entry.getValue());
            if (rev > lastAck + 1) {
                problems.add("thread " + t + ": docs/" + entry.getKey() + " comes from step " + rev
                        + ", beyond the last acknowledged step " + lastAck + " + 1");
            }
        }
        if (counter != null && counter.get("seq").asLong() > lastAck + 1) {
            problems.add("thread " + t + ": counter is " + counter + ", beyond the last acknowledged step " + lastAck + " + 1");
        }

        // Every putMany is all-or-nothing (deletes in this workload remove whole batches only).
        Map<Long, Integer> batchDocs = new TreeMap<>();
        for (String key : actual.keySet()) {
            long seq = seqOfKey(key);
            if (Workload.kind(seq) == Workload.Kind.BATCH) {
                batchDocs.merge(seq, 1, Integer::sum);
            }
        }
        batchDocs.forEach((seq, present) -> {
            if (present != Workload.batchSize(seq)) {
                problems.add("thread " + t + ": putMany of step " + seq + " is partial: " + present + " of "
                        + Workload.batchSize(seq) + " documents recovered");
            }
        });
        if (problems.size() > before) {
            return model.k;
        }

        // The exact state of steps 0..lastAck, or 0..lastAck+1 when the in-flight step made it.
        List<String> atAck = diff(model, actual, counter, lastAck);
        if (atAck.isEmpty()) {
            return checkCounter(t, model, counter, problems);
        }
        ThreadModel withInFlight = model.copy();
        withInFlight.apply(Workload.step(t, lastAck + 1));
        if (diff(withInFlight, actual, counter, lastAck).isEmpty()) {
            models[t] = withInFlight;
            return checkCounter(t, withInFlight, counter, problems);
        }
        problems.add("thread " + t + ": recovered state is neither steps 0.." + lastAck + " nor 0.." + (lastAck + 1)
                + " (" + Workload.kind(lastAck + 1) + " in flight); differences from 0.." + lastAck + ":");
        for (String d : atAck.subList(0, Math.min(20, atAck.size()))) {
            problems.add("    " + d);
        }
        return model.k;
    }

    /** The counter is the last COUNTER step of the prefix (an explicit form of what the diff covers). */
    private static long checkCounter(int t, ThreadModel model, @Nullable Value counter, List<String> problems) {
        long last = model.k - Math.floorMod(model.k - 5, 8L);
        Value expected = last >= 0 ? Workload.counterValue(t, last) : null;
        if (!Objects.equals(expected, counter)) {
            problems.add("thread " + t + ": counter " + counter + " is not the last counter write " + last
                    + " of the recovered prefix 0.." + model.k);
        }
        return model.k;
    }

    /** The differences between the model and the recovered documents of one thread. */
    private static List<String> diff(ThreadModel model, Map<String, Value> actual, @Nullable Value counter,
                                     long lastAck) {
        List<String> diffs = new ArrayList<>();
        Set<String> keys = new HashSet<>(model.docs.keySet());
        keys.addAll(actual.keySet());
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        for (String key : sorted) {
            Value want = model.docs.get(key);
            Value got = actual.get(key);
            if (want != null && got == null) {
                long rev = revOf(want);
                diffs.add("HOLE: docs/" + key + " missing; written by step " + rev + " (" + Workload.kind(rev) + ")"
                        + (rev <= lastAck ? ", an ACKNOWLEDGED write" : ""));
            } else if (want == null && got != null) {
                diffs.add("docs/" + key + " present (step " + revOf(got) + ") but absent after step " + model.k
                        + " (deleted or never written)");
            } else if (want != null && !want.equals(got)) {
                diffs.add("docs/" + key + " holds step " + revOf(got) + "'s value " + abbreviate(got) + ", expected step "
                        + revOf(want) + "'s " + abbreviate(want));
            }
        }
        if (!Objects.equals(model.counter, counter)) {
            diffs.add("counter is " + counter + ", expected " + model.counter);
        }
        return diffs;
    }

    private static long revOf(Value doc) {
        Value rev = doc.get("rev");
        return rev == null ? Long.MAX_VALUE : rev.asLong();
    }

    /** The step number in a key {@code t<t>-<seq>} or {@code t<t>-<seq>-b<i>}. */
    private static long seqOfKey(String key) {
        int first = key.indexOf('-');
        int second = key.indexOf('-', first + 1);
        return Long.parseLong(second < 0 ? key.substring(first + 1) : key.substring(first + 1, second));
    }

    private static String abbreviate(Value value) {
        String text = String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    private String describe(int number, WalSyncMode mode, KillPoint kill, long compactPauseMillis, String starts) {
        return "[" + context + "] iteration " + number + " (" + mode + ", killed " + kill + ", compaction pause "
                + compactPauseMillis + " ms, threads started at "
                + starts + ", dir " + dir + ")";
    }

    int iterations() {
        return iterations;
    }

    long totalAcks() {
        return totalAcks;
    }

    long killsDuringCompaction() {
        return killsDuringCompaction;
    }

    long killsDuringOpen() {
        return killsDuringOpen;
    }

    long compactionsCompleted() {
        return compactionsCompleted;
    }

    long inFlightStepsRecovered() {
        return inFlightStepsRecovered;
    }

    /** The total number of steps verified as recovered, over all threads. */
    long stepsRecovered() {
        return Arrays.stream(models).mapToLong(m -> m.k + 1).sum();
    }
}
