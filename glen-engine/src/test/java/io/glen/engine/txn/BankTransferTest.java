package io.glen.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.CommitResult;
import io.glen.engine.CommitStatus;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.Txn;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads move money between accounts in transactions; money is never created or lost. */
class BankTransferTest {

    private static final int ACCOUNTS = 20;
    private static final int THREADS = 8;
    private static final int TRANSFERS_PER_THREAD = 400;
    private static final long INITIAL = 1_000;

    @TempDir
    Path dir;

    @Test
    void totalIsConservedUnderConcurrentTransfersAndAfterReopen() throws Exception {
        AtomicLong committed = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        try (GlenDB db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.ALWAYS).build())) {
            for (int i = 0; i < ACCOUNTS; i++) {
                db.put("accounts", "a" + i, Value.object().put("balance", INITIAL).build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 42 + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    Random random = new Random(seed);
                    for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                        CommitResult r = transfer(db, random);
                        if (r.committed()) {
                            committed.incrementAndGet();
                        } else {
                            assertThat(r.status()).isEqualTo(CommitStatus.CONFLICT);
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 200; i++) {
                    Txn audit = db.beginTxn();
                    long sum = 0;
                    for (int a = 0; a < ACCOUNTS; a++) {
                        sum += audit.get("accounts", "a" + a).at("balance").asLong();
                    }
                    if (audit.commit().committed()) {
                        assertThat(sum).as("a validated read-only audit sees a consistent total").isEqualTo(ACCOUNTS * INITIAL);
                    }
                }
                return null;
            }));
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(total(db)).isEqualTo(ACCOUNTS * INITIAL);
            assertThat(committed.get() + conflicts.get()).isEqualTo((long) THREADS * TRANSFERS_PER_THREAD);
            assertThat(db.stats().commits()).isGreaterThanOrEqualTo(committed.get());
            assertThat(db.stats().conflicts()).isGreaterThanOrEqualTo(conflicts.get());
            System.out.printf("bank transfer: %d committed, %d conflicts%n", committed.get(), conflicts.get());
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(total(db)).isEqualTo(ACCOUNTS * INITIAL);
        }
    }

    private static CommitResult transfer(GlenDB db, Random random) {
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        long amount = 1 + random.nextInt(50);
        try (Txn t = db.beginTxn()) {
            long a = t.get("accounts", "a" + from).at("balance").asLong();
            long b = t.get("accounts", "a" + to).at("balance").asLong();
            t.put("accounts", "a" + from, Value.object().put("balance", a - amount).build());
            t.put("accounts", "a" + to, Value.object().put("balance", b + amount).build());
            return t.commit();
        }
    }

    private static long total(GlenDB db) {
        long sum = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            sum += db.get("accounts", "a" + a).at("balance").asLong();
        }
        return sum;
    }
}
