package io.glen.engine.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.glen.engine.CommitResult;
import io.glen.engine.CommitStatus;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.Txn;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@link WalSyncMode#ALWAYS} a write becomes visible to other readers only once it is
 * durable: each test holds the force of a write in the file layer and looks at the database
 * from another thread meanwhile.
 */
class SynchronousCommitTest {

    private static final long TIMEOUT_SECONDS = 30;

    @TempDir
    Path dir;

    /** Holds the next WAL force until released. */
    private static final class HeldForce {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void install(HookedStorageFiles files) {
            files.onWalForce(() -> {
                if (started.getCount() == 0) {
                    return;
                }
                started.countDown();
                try {
                    release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void awaitStarted() throws InterruptedException {
            assertThat(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the force started").isTrue();
        }
    }

    private GlenDB open(HookedStorageFiles files) {
        return GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.ALWAYS).storageFiles(files).build());
    }

    @Test
    void aWriteIsInvisibleUntilItsForceReturnsAndVisibleWhenThePutReturns() throws Exception {
        HookedStorageFiles files = new HookedStorageFiles();
        try (GlenDB db = open(files)) {
            db.put("c", "a", Value.of(1));
            long before = db.stats().lsn();
            HeldForce held = new HeldForce();
            held.install(files);

            CompletableFuture<Long> put = CompletableFuture.supplyAsync(() -> db.put("c", "a", Value.of(2)));
            held.awaitStarted();

            assertThat(db.get("c", "a")).as("the old value while the force is held").isEqualTo(Value.of(1));
            assertThat(db.version("c", "a")).isEqualTo(before);
            assertThat(db.stats().lsn()).as("no version beyond the durable ones is reported").isEqualTo(before);
            assertThat(db.stats().walAwaitingForce()).isEqualTo(1);
            assertThat(put).isNotDone();

            held.release.countDown();
            long version = put.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(db.stats().durableLsn()).isGreaterThanOrEqualTo(version);
            assertThat(db.getDocument("c", "a").version()).isEqualTo(version);
            assertThat(db.get("c", "a")).isEqualTo(Value.of(2));
            assertThat(db.stats().walAwaitingForce()).isZero();
        }
    }

    @Test
    void aNewDocumentDoesNotShowInQueriesOrCountsBeforeItIsDurable() throws Exception {
        HookedStorageFiles files = new HookedStorageFiles();
        try (GlenDB db = open(files)) {
            db.createIndex("c", "by_k", "k");
            HeldForce held = new HeldForce();
            held.install(files);

            CompletableFuture<Long> put = CompletableFuture.supplyAsync(
                    () -> db.put("c", "n", Value.object().put("k", 7).build()));
            held.awaitStarted();

            assertThat(db.count("c")).isZero();
            assertThat(db.findBy("c", "by_k", Value.of(7))).isEmpty();

            held.release.countDown();
            put.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(db.count("c")).isEqualTo(1);
            assertThat(db.findBy("c", "by_k", Value.of(7))).hasSize(1);
        }
    }

    @Test
    void aTransactionThatLosesToAStagedWriteReportsTheConflictOnceThatWriteIsVisible() throws Exception {
        HookedStorageFiles files = new HookedStorageFiles();
        try (GlenDB db = open(files)) {
            db.put("c", "a", Value.of(1));
            Txn txn = db.beginTxn();
            assertThat(txn.get("c", "a")).isEqualTo(Value.of(1));
            txn.put("c", "a", Value.of(10));
            HeldForce held = new HeldForce();
            held.install(files);
            CompletableFuture<Long> winner = CompletableFuture.supplyAsync(() -> db.put("c", "a", Value.of(2)));
            held.awaitStarted();

            CompletableFuture<CommitResult> loser = CompletableFuture.supplyAsync(txn::commit);
            // The loser validates against the staged write (a conflict), and reports it only once
            // that write is visible, so that a retry reads it.
            assertThat(db.get("c", "a")).isEqualTo(Value.of(1));
            held.release.countDown();
            CommitResult result = loser.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(result.status()).isEqualTo(CommitStatus.CONFLICT);
            long winnerVersion = winner.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(db.getDocument("c", "a").version()).isEqualTo(winnerVersion);
            assertThat(db.get("c", "a")).isEqualTo(Value.of(2));
        }
    }

    @Test
    void aRetriedTransactionCommitsAfterTheStagedWriteItLostTo() throws Exception {
        HookedStorageFiles files = new HookedStorageFiles();
        try (GlenDB db = open(files)) {
            db.put("c", "n", Value.of(0));
            HeldForce held = new HeldForce();
            held.install(files);
            CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> db.put("c", "n", Value.of(5)));
            held.awaitStarted();
            CompletableFuture<Object> increment = CompletableFuture.supplyAsync(() -> db.inTransaction(txn -> {
                txn.put("c", "n", Value.of(txn.get("c", "n").asLong() + 1));
                return null;
            }, 3));
            held.release.countDown();
            first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            increment.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(db.get("c", "n")).as("the increment read the staged write once it was visible")
                    .isEqualTo(Value.of(6));
        }
    }

    @Test
    void aSnapshotCutWhileAWriteAwaitsItsForceContainsIt() throws Exception {
        HookedStorageFiles files = new HookedStorageFiles();
        try (GlenDB db = open(files)) {
            HeldForce held = new HeldForce();
            held.install(files);
            CompletableFuture<Long> put = CompletableFuture.supplyAsync(() -> db.put("c", "x", Value.of(1)));
            held.awaitStarted();
            CompletableFuture<Long> compaction = CompletableFuture.supplyAsync(db.admin()::compact);
            await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).until(db.admin()::isCompacting);
            held.release.countDown();
            long version = put.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(compaction.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(version);
        }
        try (GlenDB reopened = GlenDB.open(dir)) {
            assertThat(reopened.get("c", "x")).isEqualTo(Value.of(1));
        }
    }
}
