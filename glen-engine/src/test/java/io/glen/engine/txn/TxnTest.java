package io.glen.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.CommitResult;
import io.glen.engine.CommitStatus;
import io.glen.engine.DocumentKey;
import io.glen.engine.DocumentTooLargeException;
import io.glen.engine.GlenConflictException;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.Txn;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TxnTest {

    @TempDir
    Path dir;

    GlenDB db;

    @BeforeEach
    void open() {
        db = GlenDB.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void commitAppliesAllStagedChangesWithOneVersion() {
        db.put("a", "gone", Value.of(0));
        Txn t = db.beginTxn();
        t.put("a", "x", Value.of(1)).put("b", "y", Value.of(2)).delete("a", "gone");
        CommitResult r = t.commit();
        assertThat(r.status()).isEqualTo(CommitStatus.COMMITTED);
        assertThat(db.version("a", "x")).isEqualTo(r.version());
        assertThat(db.version("b", "y")).isEqualTo(r.version());
        assertThat(db.get("a", "gone")).isNull();
        assertThat(db.stats().commits()).isEqualTo(1);
    }

    @Test
    void nothingIsVisibleBeforeCommit() {
        Txn t = db.beginTxn();
        t.put("a", "x", Value.of(1));
        assertThat(db.get("a", "x")).isNull();
        t.commit();
        assertThat(db.get("a", "x")).isEqualTo(Value.of(1));
    }

    @Test
    void readsSeeOwnStagedWrites() {
        db.put("a", "x", Value.of(1));
        Txn t = db.beginTxn();
        t.put("a", "x", Value.of(2));
        assertThat(t.get("a", "x")).isEqualTo(Value.of(2));
        t.delete("a", "x");
        assertThat(t.get("a", "x")).isNull();
        t.rollback();
        assertThat(db.get("a", "x")).isEqualTo(Value.of(1));
    }

    @Test
    void readDocumentChangedByAnotherCommitConflictsAndChangesNothing() {
        db.put("acct", "a", Value.of(100));
        Txn t = db.beginTxn();
        long balance = t.get("acct", "a").asLong();
        db.put("acct", "a", Value.of(50));
        t.put("acct", "a", Value.of(balance - 10)).put("acct", "log", Value.of("debit"));
        CommitResult r = t.commit();
        assertThat(r.status()).isEqualTo(CommitStatus.CONFLICT);
        assertThat(r.conflicts()).containsExactly(new DocumentKey("acct", "a"));
        assertThat(db.get("acct", "a")).isEqualTo(Value.of(50));
        assertThat(db.get("acct", "log")).isNull();
        assertThat(db.stats().conflicts()).isEqualTo(1);
    }

    @Test
    void readOfAnAbsentDocumentConflictsWhenItAppears() {
        Txn t = db.beginTxn();
        assertThat(t.get("u", "name")).isNull();
        db.put("u", "name", Value.of("taken"));
        t.put("u", "name", Value.of("mine"));
        assertThat(t.commit().status()).isEqualTo(CommitStatus.CONFLICT);
        assertThat(db.get("u", "name")).isEqualTo(Value.of("taken"));
    }

    @Test
    void blindWritesOfTheSameDocumentDoNotBothCommit() {
        Txn first = db.beginTxn();
        Txn second = db.beginTxn();
        first.put("c", "x", Value.of("first"));
        second.put("c", "x", Value.of("second"));
        assertThat(first.commit().status()).isEqualTo(CommitStatus.COMMITTED);
        assertThat(second.commit().status()).isEqualTo(CommitStatus.CONFLICT);
        assertThat(db.get("c", "x")).isEqualTo(Value.of("first"));
    }

    @Test
    void blindWriteOverADocumentUnchangedSinceBeginCommits() {
        db.put("c", "x", Value.of(1));
        Txn t = db.beginTxn();
        db.put("c", "other", Value.of(2));
        t.put("c", "x", Value.of(3));
        assertThat(t.commit().committed()).isTrue();
    }

    @Test
    void aConflictOnAnExpectedVersionNamesTheExpectedAndTheCurrentVersion() {
        long v = db.put("c", "x", Value.of(1));
        long current = db.put("c", "x", Value.of(2));

        CommitResult r = db.beginTxn().put("c", "x", Value.of(3), v).commit();

        assertThat(r.message()).contains("c/x expected version " + v + ", current version " + current);
    }

    @Test
    void aConflictOnADocumentReadNamesTheVersionReadAndTheCurrentVersion() {
        long v = db.put("c", "x", Value.of(1));
        Txn t = db.beginTxn();
        t.get("c", "x");
        db.delete("c", "x");

        assertThat(t.commit().message()).contains("c/x read at version " + v + ", current version 0")
                .contains("0: no document");
    }

    @Test
    void inTransactionGivingUpReportsTheVersionsOfTheLastConflict() {
        long v = db.put("c", "x", Value.of(1));
        assertThatThrownBy(() -> db.inTransaction(t -> {
            t.get("c", "x");
            db.put("c", "x", Value.of(t.hashCode()));
            return null;
        }, 2)).isInstanceOf(GlenConflictException.class)
                .hasMessageContaining("c/x read at version ").hasMessageContaining(", current version ");
    }

    @Test
    void expectedVersionIsEnforced() {
        long v = db.put("c", "x", Value.of(1));
        assertThat(db.beginTxn().put("c", "x", Value.of(2), v + 1000).commit().status())
                .isEqualTo(CommitStatus.CONFLICT);
        assertThat(db.beginTxn().put("c", "x", Value.of(2), v).commit().status())
                .isEqualTo(CommitStatus.COMMITTED);
        assertThat(db.beginTxn().put("c", "new", Value.of(1), 0).commit().committed()).isTrue();
        assertThat(db.beginTxn().put("c", "new", Value.of(1), 0).commit().status())
                .as("expected version 0 means 'must not exist'").isEqualTo(CommitStatus.CONFLICT);
        long current = db.version("c", "x");
        assertThat(db.beginTxn().delete("c", "x", current - 1).commit().status()).isEqualTo(CommitStatus.CONFLICT);
        assertThat(db.beginTxn().delete("c", "x", current).commit().committed()).isTrue();
        assertThat(db.get("c", "x")).isNull();
    }

    @Test
    void aTransactionIsSingleUse() {
        Txn t = db.beginTxn();
        t.put("c", "x", Value.of(1));
        assertThat(t.commit().committed()).isTrue();
        CommitResult again = t.commit();
        assertThat(again.status()).isEqualTo(CommitStatus.INVALID);
        assertThat(again.message()).contains("already committed");
        assertThatThrownBy(() -> t.put("c", "y", Value.of(1))).isInstanceOf(IllegalStateException.class);
        Txn rolledBack = db.beginTxn();
        rolledBack.rollback();
        assertThat(rolledBack.commit().status()).isEqualTo(CommitStatus.INVALID);
    }

    @Test
    void readOnlyTransactionValidatesItsReads() {
        db.put("c", "x", Value.of(1));
        Txn unchanged = db.beginTxn();
        unchanged.get("c", "x");
        CommitResult r = unchanged.commit();
        assertThat(r.committed()).isTrue();
        assertThat(r.version()).isZero();
        Txn changed = db.beginTxn();
        changed.get("c", "x");
        db.put("c", "x", Value.of(2));
        assertThat(changed.commit().status()).isEqualTo(CommitStatus.CONFLICT);
    }

    @Test
    void oversizedDocumentIsRejectedWhenStaged() {
        db.close();
        db = GlenDB.open(dir, GlenOptions.builder().maxDocumentBytes(64).build());
        Txn t = db.beginTxn();
        assertThatThrownBy(() -> t.put("c", "x", Value.of("y".repeat(100))))
                .isInstanceOf(DocumentTooLargeException.class)
                .hasMessage("document 'x' in collection 'c' encodes to 102 bytes, over the maximum of 64 bytes"
                        + " (maxDocumentBytes)");
    }

    @Test
    void inTransactionRetriesOnConflictAndReturnsTheResult() {
        db.put("c", "n", Value.of(0));
        AtomicInteger runs = new AtomicInteger();
        long result = db.inTransaction(t -> {
            long n = t.get("c", "n").asLong();
            if (runs.incrementAndGet() == 1) {
                db.put("c", "n", Value.of(10)); // a concurrent writer sneaks in once
            }
            t.put("c", "n", Value.of(n + 1));
            return n + 1;
        }, 5);
        assertThat(runs.get()).isEqualTo(2);
        assertThat(result).isEqualTo(11);
        assertThat(db.get("c", "n")).isEqualTo(Value.of(11));
    }

    @Test
    void inTransactionGivesUpWithTheConflicts() {
        db.put("c", "n", Value.of(0));
        assertThatThrownBy(() -> db.inTransaction(t -> {
            t.get("c", "n");
            db.put("c", "n", Value.of(1));
            t.put("c", "n", Value.of(2));
            return null;
        }, 3)).isInstanceOfSatisfying(GlenConflictException.class,
                e -> assertThat(e.conflicts()).isEqualTo(List.of(new DocumentKey("c", "n"))));
    }

    @Test
    void exceptionInWorkRollsBack() {
        assertThatThrownBy(() -> db.inTransaction(t -> {
            t.put("c", "x", Value.of(1));
            throw new IllegalStateException("boom");
        }, 3)).hasMessage("boom");
        assertThat(db.get("c", "x")).isNull();
    }

    @Test
    void committedTransactionSurvivesReopen() {
        db.beginTxn().put("c", "x", Value.of(1)).put("d", "y", Value.of(2)).commit();
        db.close();
        db = GlenDB.open(dir);
        assertThat(db.get("c", "x")).isEqualTo(Value.of(1));
        assertThat(db.get("d", "y")).isEqualTo(Value.of(2));
    }
}
