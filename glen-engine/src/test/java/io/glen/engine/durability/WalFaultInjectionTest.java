package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.testing.SimulatedStorageFiles.Fault;
import io.glen.engine.testing.SimulatedStorageFiles.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Brief item 1: fail every single I/O operation of a scripted workload in turn.
 *
 * <p>The script (150 state-changing operations: puts, overwrites, deletes, putMany and deleteMany
 * batches, with a compaction, a snapshotAll and a second compaction in the middle, 4 KiB WAL
 * segments) is run once without faults to count its operations. Then, for every N, a fresh
 * simulated disk fails the N-th operation of one kind (write, write after a partial prefix, force,
 * directory sync, rename, file creation). Each N runs twice:
 * <ul>
 *   <li><b>power loss</b>: the power is cut right after the script stops, the database reopened;</li>
 *   <li><b>clean reopen</b>: the poisoned database is closed and reopened without power loss.</li>
 * </ul>
 * Checked: the failing operation throws {@code GlenStorageException}; a failure in the WAL
 * poisons it (further writes fail loudly); a failure only in snapshot/compaction files leaves the
 * database writable and correct; the reopened state is exactly the state after some prefix of
 * the operations, at least every acknowledged one under ALWAYS (and after a clean reopen), at least
 * everything the database reported durable, at most the ones attempted. Then a tail of 6 more
 * operations is written, the power is cut again, and the tail must be there (ALWAYS: every
 * operation; INTERVAL: at least what was reported durable): recovery must leave a log that later
 * acknowledged writes can rely on.
 *
 * <p>Setups (see {@link SyncSetup}): ALWAYS, INTERVAL with the writer forcing (the same file
 * operations in every run: every N must strike) and INTERVAL with forces on the WAL thread as by
 * default. There the forces race the script, so a run may make fewer forces than the counting run;
 * a failure point it does not reach must leave a run that completed and closed cleanly, and most
 * points must strike.
 */
class WalFaultInjectionTest {

    static final Scenario STANDARD = Scenario.of(20_261_123L, 150);

    enum Kind {
        WRITE(Op.WRITE, false), PARTIAL_WRITE(Op.WRITE, true), FORCE(Op.FORCE, false),
        SYNC_DIRECTORY(Op.SYNC_DIRECTORY, false), MOVE(Op.MOVE, false), CREATE_NEW(Op.CREATE_NEW, false);

        final Op op;
        final boolean partial;

        Kind(Op op, boolean partial) {
            this.op = op;
            this.partial = partial;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (SyncSetup setup : new SyncSetup[] {SyncSetup.ALWAYS, SyncSetup.INTERVAL, SyncSetup.INTERVAL_BACKGROUND_FORCE}) {
            for (Kind kind : Kind.values()) {
                cases.add(Arguments.of(setup, kind));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} fail every {1}")
    @MethodSource("cases")
    void failEveryOperationInTurn(SyncSetup setup, Kind kind) {
        failEveryOperation(STANDARD, setup, kind);
    }

    /** Fails each operation of {@code kind} of the scenario in turn; prints and returns the run count. */
    static int failEveryOperation(Scenario scenario, SyncSetup setup, Kind kind) {
        long total = countOperations(scenario, setup, kind.op);
        assertThat(total).as("the script must perform %s operations", kind.op).isPositive();
        Tally tally = new Tally();
        for (long n = 1; n <= total; n++) {
            for (boolean powerLossFirst : new boolean[] {true, false}) {
                runWithFault(scenario, setup, kind, n, powerLossFirst, tally);
            }
        }
        System.out.printf("[durability] fault injection %-25s %-14s %s: failure points N=1..%d (x2 variants: power loss,"
                        + " clean reopen) = %d runs; open failed %d, log poisoned %d, checkpoint-only failures %d,"
                        + " failed in close %d, not reached %d; recovered prefix == acknowledged %d, > acknowledged %d%n",
                setup, kind, scenario, total, tally.runs, tally.openFailed, tally.poisoned, tally.checkpointOnly,
                tally.inClose, tally.notReached, tally.exactlyAcked, tally.moreThanAcked);
        // Background forces coalesce, so a run may perform fewer forces than the counting run and a
        // failure point near the end may not be reached; almost all are.
        assertThat(tally.runs - tally.notReached).as("%s %s: runs in which the fault struck", setup, kind)
                .isGreaterThan(tally.notReached);
        return tally.runs;
    }

    static final class Tally {
        int runs;
        int notReached;
        int openFailed;
        int poisoned;
        int checkpointOnly;
        int inClose;
        int exactlyAcked;
        int moreThanAcked;
    }

    private static long countOperations(Scenario scenario, SyncSetup setup, Op op) {
        SimulatedStorageFiles sim = new SimulatedStorageFiles(scenario.seed());
        Harness.Outcome outcome = Harness.drive(Harness.open(Harness.options(sim, setup)), scenario.script(), new Model(),
                true);
        assertThat(outcome.failed()).as("the fault-free run must not fail: %s", outcome.firstFailure).isFalse();
        assertThat(outcome.acked).isEqualTo(scenario.stateOps());
        return sim.count(op);
    }

    private static void runWithFault(Scenario scenario, SyncSetup setup, Kind kind, long n, boolean powerLossFirst,
                                     Tally tally) {
        WalSyncMode mode = setup.mode;
        String context = scenario + " " + setup + " " + kind + " N=" + n
                + (powerLossFirst ? " then power loss" : " then clean reopen");
        SimulatedStorageFiles sim = new SimulatedStorageFiles(scenario.seed() + n);
        GlenOptions options = Harness.options(sim, setup);
        Fault fault = kind.partial ? sim.failNthWrite(n, length -> length / 2) : sim.failNth(kind.op, n);

        Harness.Outcome outcome = Harness.drive(Harness.open(options), scenario.script(), new Model(), true);
        tally.runs++;
        if (!fault.fired()) {
            assertThat(setup.deterministic()).as(context + ": the fault must strike").isFalse();
            // Not reached in this run: then the script must have run to its end and closed cleanly.
            assertThat(outcome.failed()).as(context + ": not reached, yet failed: %s", outcome.firstFailure).isFalse();
            assertThat(outcome.closed).isTrue();
            tally.notReached++;
        } else if (!outcome.failed()) {
            fail(context + ": the failure must surface as an exception");
        } else if (outcome.openFailed) {
            tally.openFailed++;
        } else if (outcome.poisoned) {
            tally.poisoned++;
        } else if (outcome.checkpointFailures > 0) {
            tally.checkpointOnly++;
            assertThat(outcome.acked).as(context + ": checkpoint failures must not stop writers").isEqualTo(scenario.stateOps());
        } else {
            tally.inClose++;
        }

        if (powerLossFirst) {
            Harness.powerCycle(sim, outcome.db);
        } else {
            Harness.closeQuietly(outcome.db);
        }
        sim.clearFaults();

        // Without a power loss every acknowledged write was handed to the OS; with one, only
        // ALWAYS promises them. Whatever the database reported durable must be there in any case.
        int lo = powerLossFirst && mode != WalSyncMode.ALWAYS ? 0 : outcome.acked;
        lo = Math.max(lo, (int) outcome.maxDurableLsn);
        if (outcome.closed && !outcome.failed()) {
            lo = outcome.acked; // a clean close forces everything
        }
        long mark = Harness.highWaterMark(sim);
        GlenDB db = GlenDB.open(Harness.DIR, options);
        int k = scenario.prefixes().verify(db, lo, outcome.attempted, context);
        if (k == outcome.acked) {
            tally.exactlyAcked++;
        } else {
            tally.moreThanAcked++;
        }
        Harness.writeTailAndCutPower(sim, options, db, scenario.prefixes(), k, mark, outcome.acked, mode, n, context);
    }
}
