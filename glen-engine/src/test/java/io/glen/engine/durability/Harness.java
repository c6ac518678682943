package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenException;
import io.glen.engine.GlenOptions;
import io.glen.engine.GlenStorageException;
import io.glen.engine.WalSyncMode;
import io.glen.engine.io.StorageFiles;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.value.Value;
import io.glen.engine.internal.wal.LsnHighWaterMark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Shared plumbing of the durability tests: options, running scripts, matching recovered state. */
final class Harness {

    /** Where the simulated databases live. */
    static final Path DIR = Path.of("/sim/db");

    private Harness() {
    }

    /**
     * Small segments (many rotations), a small INTERVAL threshold (forces happen inside the
     * workload) and a timer that never fires during a test. With a deterministic {@code setup}
     * (see {@link SyncSetup}) the I/O sequence of a script is the same in every run, so failure
     * point N means the same operation in every run.
     */
    static GlenOptions options(StorageFiles files, SyncSetup setup) {
        return GlenOptions.builder()
                .storageFiles(files)
                .walSync(setup.mode)
                .walBackgroundForce(setup.backgroundForce)
                .walSegmentBytes(4096)
                .walFlushEveryBytes(1024)
                .walFlushInterval(Duration.ofHours(1))
                .cacheCapacityBytes(1 << 20)
                .build();
    }

    /** Closes a database whose machine may have died; failures are expected and ignored. */
    static void closeQuietly(@Nullable GlenDB db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (GlenException expected) {
            // A dead machine or poisoned log; nothing of it matters to what is on "disk".
        }
    }

    /** Cuts the power under {@code db} (which may be null) and boots the machine again. */
    static void powerCycle(SimulatedStorageFiles sim, @Nullable GlenDB db) {
        if (!sim.isDown()) {
            sim.powerLoss();
        }
        closeQuietly(db);
        sim.restart();
    }

    /** The model states after each prefix of a script, indexed by fingerprint. */
    static final class Prefixes {
        final List<Model> states;
        private final Map<Long, Integer> byFingerprint = new HashMap<>();

        Prefixes(Model start, List<Ops.Op> script) {
            this(Ops.prefixStates(start, script));
        }

        private final Map<Long, Integer> byLsn = new HashMap<>();

        Prefixes(List<Model> states) {
            this.states = List.copyOf(states);
            for (int k = 0; k < this.states.size(); k++) {
                byFingerprint.putIfAbsent(this.states.get(k).fingerprint(), k);
                byLsn.put(this.states.get(k).lsn, k);
            }
        }

        /**
         * The history of the first {@code k} operations followed by {@code tail}, written right
         * after a recovery to prefix {@code k}, whose first write gets {@code firstLsn} (see
         * {@link #continuesAt}).
         */
        Prefixes extend(int k, List<Ops.Op> tail, long firstLsn) {
            List<Model> all = new java.util.ArrayList<>(states.subList(0, k + 1));
            Model start = states.get(k).copy();
            start.lsn = firstLsn - 1;
            List<Model> more = Ops.prefixStates(start, tail);
            all.addAll(more.subList(1, more.size()));
            Prefixes extended = new Prefixes(all);
            // The skip record that continues the log above the mark is recovered as the last LSN
            // when no write after it survives: it names prefix k.
            extended.byLsn.putIfAbsent(firstLsn - 1, k);
            return extended;
        }

        /** The history of the first {@code k} operations followed by {@code tail}, numbered on. */
        Prefixes extend(int k, List<Ops.Op> tail) {
            return extend(k, tail, states.get(k).lsn + 1);
        }

        /** The longest prefix whose last write has an LSN of at most {@code lsn}. */
        int prefixUpTo(long lsn) {
            int k = 0;
            while (k < last() && states.get(k + 1).lsn <= lsn) {
                k++;
            }
            return k;
        }

        int last() {
            return states.size() - 1;
        }

        Model state(int k) {
            return states.get(k);
        }

        /**
         * Checks that the database holds exactly the state after some prefix {@code k} with
         * {@code lo <= k <= hi} (versions included) and returns {@code k}. Every state operation
         * writes one record, so the recovered LSN names the prefix (index {@code k} is LSN
         * {@code k} up to a recovery, after which a history may continue above the LSN
         * high-water mark): the state must be exactly the state at that LSN. (Matching by content
         * alone would be ambiguous: putting a new document and deleting it again returns to an
         * earlier state.)
         */
        int verify(GlenDB db, int lo, int hi, String context) {
            Model actual = Model.read(db);
            long lsn = actual.lsn;
            Integer index = byLsn.get(lsn);
            if (index == null || !states.get(index).sameData(actual)) {
                List<Integer> matches = new java.util.ArrayList<>();
                Integer first = byFingerprint.get(actual.fingerprint());
                for (int i = first == null ? states.size() : first; i < states.size(); i++) {
                    if (states.get(i).sameData(actual)) {
                        matches.add(i);
                    }
                }
                int near = prefixUpTo(lsn);
                fail(context + ": the recovered state (LSN " + lsn + ") is not the state the history has at that LSN"
                        + (matches.isEmpty() ? " nor after any other prefix"
                        : " but the state after " + matches) + "; versus the state after " + near + ": "
                        + states.get(near).diff(actual) + (hi != near && hi <= last() ? "; versus after " + hi + ": "
                        + states.get(hi).diff(actual) : ""));
            }
            int k = index;
            assertThat(k).as(context + ": recovered prefix (acknowledged/durable lower bound %d, attempted %d)", lo, hi)
                    .isBetween(lo, hi);
            assertThat(actual.maxVersion()).as(context + ": no stored version above the LSN counter")
                    .isLessThanOrEqualTo(lsn);
            return k;
        }
    }

    /** What happened while a script ran. */
    static final class Outcome {
        @Nullable GlenDB db;
        /** State operations of the script that returned. */
        int acked;
        /** State operations that were started (the acknowledged ones plus one that failed). */
        int attempted;
        /** The highest durable LSN the database reported after an operation returned. */
        long maxDurableLsn;
        @Nullable GlenException firstFailure;
        boolean openFailed;
        boolean poisoned;
        boolean closed;
        int checkpointFailures;
        @Nullable Model finalModel;

        boolean failed() {
            return firstFailure != null;
        }
    }

    /** Opens a database for a script; an I/O failure while opening is recorded, not thrown. */
    static Outcome open(GlenOptions options) {
        Outcome outcome = new Outcome();
        try {
            outcome.db = GlenDB.open(DIR, options);
        } catch (GlenException e) {
            assertThat(e).as("opening may only fail with a storage error").isInstanceOf(GlenStorageException.class);
            outcome.firstFailure = e;
            outcome.openFailed = true;
        }
        return outcome;
    }

    static Outcome on(GlenDB db) {
        Outcome outcome = new Outcome();
        outcome.db = db;
        return outcome;
    }

    /**
     * Runs {@code script} (whose state before is {@code start}) until the log is poisoned.
     * Checkpoint operations that fail without poisoning the log are counted and the script goes
     * on: the database must stay correct. Every failure must be a {@link GlenStorageException};
     * after one that poisons the log, further writes must fail loudly. With {@code closeAtEnd} a
     * script that ran to its end closes the database (a failing close counts as a failure).
     */
    static Outcome drive(Outcome outcome, List<Ops.Op> script, Model start, boolean closeAtEnd) {
        GlenDB db = outcome.db;
        if (db == null) {
            return outcome;
        }
        Model model = start.copy();
        for (Ops.Op op : script) {
            try {
                Ops.execute(db, op, model);
            } catch (GlenException e) {
                assertThat(e).as("a failing %s must fail with a storage error", op.getClass().getSimpleName())
                        .isInstanceOf(GlenStorageException.class);
                if (outcome.firstFailure == null) {
                    outcome.firstFailure = e;
                }
                if (op.changesState()) {
                    outcome.attempted = outcome.acked + 1;
                }
                if (!db.admin().isWritable()) {
                    outcome.poisoned = true;
                    assertFailsLoudly(db);
                    return outcome;
                }
                assertThat(op.changesState()).as("a write failed without poisoning the log: %s", e).isFalse();
                outcome.checkpointFailures++;
                continue;
            }
            if (op.changesState()) {
                model.apply(op);
                outcome.acked++;
                outcome.attempted = outcome.acked;
            }
            outcome.maxDurableLsn = Math.max(outcome.maxDurableLsn, db.stats().durableLsn());
        }
        outcome.finalModel = model;
        Model live = Model.read(db);
        assertThat(live.sameData(model)).as("the open database must hold every write after checkpoint failures: %s",
                model.diff(live)).isTrue();
        if (closeAtEnd) {
            try {
                db.close();
            } catch (GlenException e) {
                assertThat(e).isInstanceOf(GlenStorageException.class);
                if (outcome.firstFailure == null) {
                    outcome.firstFailure = e;
                }
            }
            outcome.closed = true;
        }
        return outcome;
    }

    /** After a failed write or force, every further write fails loudly. */
    static void assertFailsLoudly(GlenDB db) {
        assertThat(db.admin().isWritable()).isFalse();
        assertThat(db.admin().walFailure()).isNotNull();
        assertThatThrownBy(() -> db.put("users", "after-failure", Value.of(1)))
                .isInstanceOf(GlenStorageException.class);
        assertThatThrownBy(() -> db.putMany("orders", Map.of("a", Value.of(1), "b", Value.of(2))))
                .isInstanceOf(GlenStorageException.class);
        assertThatThrownBy(db.admin()::compact).isInstanceOf(GlenStorageException.class);
    }

    /** Operations written after a recovery by {@link #writeTailAndCutPower}. */
    static final int TAIL_OPS = 6;

    /**
     * The LSN high-water mark on the (simulated) disk of {@link #DIR}: read before a reopen, it
     * tells where numbering continues after it (see {@link #continuesAt}).
     */
    static long highWaterMark(StorageFiles files) {
        try {
            return LsnHighWaterMark.read(files, DIR);
        } catch (java.io.IOException e) {
            throw new AssertionError("reading the LSN high-water mark failed", e);
        }
    }

    /**
     * The LSN of the first write after reopening a database recovered to LSN {@code recovered}
     * whose high-water mark was {@code mark} before the reopen: numbering continues above both,
     * so no LSN that may have been seen before the crash is handed out again.
     */
    static long continuesAt(long recovered, long mark) {
        return Math.max(recovered, mark) + 1;
    }

    /**
     * Writes a few more operations on the recovered database, cuts the power, reopens, and checks
     * the whole history (the recovered prefix {@code k}, then the tail): recovery must have left
     * the log (truncated tail, segment headers, directory entries) in a state that later
     * acknowledged writes can rely on, and must not report as durable what a power loss can still
     * take. The tail is kept short (6 operations, usually well under a segment) on purpose: a
     * segment rotation inside it would sync the directory and hide a missing directory sync of
     * recovery. The tail's first write must take an LSN above every one acknowledged before the
     * power loss ({@code ackedLsn}) and above the high-water mark read before the reopen
     * ({@code markBeforeReopen}). Closes {@code db}.
     */
    static void writeTailAndCutPower(SimulatedStorageFiles sim, GlenOptions options, GlenDB db, Prefixes history,
                                     int k, long markBeforeReopen, long ackedLsn, WalSyncMode mode, long seed,
                                     String context) {
        Model start = history.state(k).copy();
        long recoveredLsn = start.lsn;
        assertThat(db.stats().lsn()).as(context + ": after recovery the LSN counter is the recovered prefix's")
                .isEqualTo(recoveredLsn);
        long firstLsn = continuesAt(recoveredLsn, markBeforeReopen);
        assertThat(firstLsn).as(context + ": numbering continues above every acknowledged LSN")
                .isGreaterThan(ackedLsn);
        start.lsn = firstLsn - 1;
        Ops.Generator generator = new Ops.Generator(seed, start, "t");
        List<Ops.Op> tail = new java.util.ArrayList<>();
        for (int i = 0; i < TAIL_OPS; i++) {
            tail.add(generator.next());
        }
        Prefixes extended = history.extend(k, tail, firstLsn);
        Outcome outcome = drive(on(db), tail, start, false);
        assertThat(outcome.failed()).as(context + ": writing after recovery: %s", outcome.firstFailure).isFalse();
        powerCycle(sim, db);
        // The durable LSN bounds the loss in any mode.
        int lo = extended.prefixUpTo(outcome.maxDurableLsn);
        if (mode == WalSyncMode.ALWAYS) {
            lo = Math.max(lo, k + tail.size());
        }
        try (GlenDB reopened = GlenDB.open(DIR, options)) {
            extended.verify(reopened, lo, k + tail.size(), context + ", " + TAIL_OPS
                    + " operations written after recovery, then power loss");
        }
    }
}
