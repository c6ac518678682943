package io.glen.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM runs concurrent bank-transfer transactions and is killed with SIGKILL at random
 * points: after every reopen no transaction is half there (money is conserved) and every
 * acknowledged transfer is.
 */
class KillNineTransactionTest {

    @TempDir
    Path dir;

    @Test
    void killedTransfersAreAllOrNothingAndAcknowledgedOnesSurvive() throws Exception {
        long seed = Long.getLong("glen.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        int acknowledgedTotal = 0;
        int rounds = 0;
        for (WalSyncMode mode : List.of(WalSyncMode.ALWAYS, WalSyncMode.INTERVAL, WalSyncMode.ALWAYS)) {
            int killAfter = 50 + random.nextInt(600);
            Set<String> acked = ConcurrentHashMap.newKeySet();
            AtomicInteger count = new AtomicInteger();
            try (ChildJvm child = ChildJvm.start(List.of("bank", dir.toString(), mode.name(), "4"),
                    dir.resolveSibling(dir.getFileName() + "-stderr-" + rounds + ".txt"), line -> {
                        if (line.startsWith("ACK ")) {
                            String[] parts = line.split(" ");
                            acked.add("t" + parts[1] + "-" + parts[2]);
                            return count.incrementAndGet() >= killAfter;
                        }
                        return false;
                    })) {
                assertThat(child.awaitExit(java.time.Duration.ofSeconds(120))).as("the child was killed").isNotNull();
            }
            try (GlenDB db = GlenDB.open(dir)) {
                long total = 0;
                for (int a = 0; a < CrashWorkload.BANK_ACCOUNTS; a++) {
                    total += db.get("accounts", "a" + a).asLong();
                }
                assertThat(total).as("seed %d, mode %s: money is conserved", seed, mode)
                        .isEqualTo(CrashWorkload.BANK_ACCOUNTS * CrashWorkload.BANK_OPENING);
                Map<String, Value> ledger = db.getAll("ledger");
                assertThat(ledger.keySet()).as("seed %d, mode %s: acknowledged transfers survive", seed, mode)
                        .containsAll(acked);
            }
            acknowledgedTotal += acked.size();
            rounds++;
        }
        System.out.printf("kill -9 transactions: %d rounds, %d acknowledged transfers verified (seed %d)%n",
                rounds, acknowledgedTotal, seed);
    }
}
