package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.GlenStorageException;
import io.glen.engine.WalSyncMode;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.testing.SimulatedStorageFiles.TornTails;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Brief item 2: power loss at every point of a workload, without injected failures.
 *
 * <p>The script of {@link WalFaultInjectionTest} (150 state operations, two compactions and a
 * snapshotAll, 4 KiB segments) is run once to count its mutating I/O operations (writes, forces,
 * truncations, creations, renames, deletions, directory syncs) including opening and closing. Then
 * for every n the power is cut just before the n-th of them; each run keeps torn tails in turn:
 * none, a random prefix of the unsynced bytes, or a random prefix plus zero-filled growth (seeded
 * by n). The reopened state must be exactly the state after some prefix of the history: under
 * ALWAYS at least every acknowledged operation, in every mode at least what the database reported
 * durable. Recovery itself is crashed too: the power is cut before each mutating operation of the
 * reopen, after which a second reopen must recover the same bounds. Finally a short tail is written
 * and the power cut again (see {@link Harness#writeTailAndCutPower}). Every {@link SyncSetup} runs;
 * with background forces a crash point the run does not reach must leave a clean, complete run.
 */
class PowerLossTest {

    @ParameterizedTest(name = "power loss at every mutation, {0}")
    @EnumSource(SyncSetup.class)
    void powerLossAtEveryMutation(SyncSetup setup) {
        powerLossAtEveryMutation(WalFaultInjectionTest.STANDARD, setup);
    }

    /** Cuts the power before each mutating operation of the scenario in turn; returns the count. */
    static long powerLossAtEveryMutation(Scenario scenario, SyncSetup setup) {
        WalSyncMode mode = setup.mode;
        long total = countMutations(scenario, setup);
        int[] tornCounts = new int[TornTails.values().length];
        long recoveryCrashes = 0;
        int beyondAcked = 0;
        int notReached = 0;
        for (long n = 1; n <= total; n++) {
            TornTails torn = TornTails.values()[(int) (n % 3)];
            tornCounts[torn.ordinal()]++;
            String context = scenario + " " + setup + " power loss before mutation " + n + " (" + torn + ")";
            SimulatedStorageFiles sim = new SimulatedStorageFiles(n).tornTails(torn);
            GlenOptions options = Harness.options(sim, setup);
            sim.powerLossAtMutation(n);
            Harness.Outcome outcome = Harness.drive(Harness.open(options), scenario.script(), new Model(), true);
            int lo = mode == WalSyncMode.ALWAYS ? outcome.acked : 0;
            if (sim.powerLosses() == 0) {
                // Only when forces race the script may this run make fewer mutations than the
                // counting run; then it must have run to its end and closed, which forces everything.
                assertThat(setup.deterministic()).as(context + ": the power must be cut").isFalse();
                assertThat(outcome.failed()).as(context + ": not reached, yet failed: %s", outcome.firstFailure)
                        .isFalse();
                assertThat(outcome.closed).isTrue();
                lo = outcome.acked;
                notReached++;
            }
            Harness.powerCycle(sim, outcome.db);

            lo = Math.max(lo, (int) outcome.maxDurableLsn);
            int hi = outcome.attempted;
            recoveryCrashes += crashDuringRecovery(scenario, sim, options, lo, hi, context);

            long mark = Harness.highWaterMark(sim);
            GlenDB db = GlenDB.open(Harness.DIR, options);
            int k = scenario.prefixes().verify(db, lo, hi, context);
            if (k > outcome.acked) {
                beyondAcked++;
            }
            Harness.writeTailAndCutPower(sim, options, db, scenario.prefixes(), k, mark, outcome.acked, mode, n,
                    context);
        }
        System.out.printf("[durability] power loss %-25s %s: crash points n=1..%d (torn tails: DROP %d, PREFIX %d,"
                        + " PREFIX_OR_ZEROS %d; not reached %d); recovered beyond the acknowledged prefix %d times;"
                        + " power loss during recovery at %d further points%n",
                setup, scenario, total, tornCounts[0], tornCounts[1], tornCounts[2], notReached, beyondAcked,
                recoveryCrashes);
        assertThat(total - notReached).as("%s: crash points reached", setup).isGreaterThan(notReached);
        return total + recoveryCrashes;
    }

    private static long countMutations(Scenario scenario, SyncSetup setup) {
        SimulatedStorageFiles sim = new SimulatedStorageFiles(1);
        Harness.Outcome outcome = Harness.drive(Harness.open(Harness.options(sim, setup)), scenario.script(),
                new Model(), true);
        assertThat(outcome.failed()).isFalse();
        return sim.mutationCount();
    }

    /**
     * Cuts the power before each mutating operation of a reopen (on copies of the disk); each time a
     * second reopen must recover a prefix within the same bounds. Returns how many points were cut.
     */
    private static long crashDuringRecovery(Scenario scenario, SimulatedStorageFiles sim, GlenOptions options, int lo, int hi,
                                            String context) {
        SimulatedStorageFiles probe = sim.copy(0);
        GlenDB counted = GlenDB.open(Harness.DIR, options.toBuilder().storageFiles(probe).build());
        long recoveryMutations = probe.mutationCount();
        counted.close();
        for (long m = 1; m <= recoveryMutations; m++) {
            SimulatedStorageFiles copy = sim.copy(m);
            GlenOptions onCopy = options.toBuilder().storageFiles(copy).build();
            copy.powerLossAtMutation(m);
            assertThatThrownBy(() -> GlenDB.open(Harness.DIR, onCopy)).isInstanceOf(GlenStorageException.class);
            copy.restart();
            try (GlenDB db = GlenDB.open(Harness.DIR, onCopy)) {
                scenario.prefixes().verify(db, lo, hi, context + ", then power loss before mutation " + m
                        + " of recovery");
            }
        }
        return recoveryMutations;
    }
}
