package io.glen.spring.data.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.Txn;
import io.glen.engine.WalSyncMode;
import io.glen.engine.query.Filter;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.GlenTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** GlenTransactionManager and the transaction-aware GlenTemplate, driven by a TransactionTemplate. */
class GlenTransactionManagerTest {

    @TempDir
    Path dir;

    GlenDB db;
    GlenTemplate template;
    GlenTransactionManager transactionManager;
    TransactionTemplate tx;

    @BeforeEach
    void open() {
        db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.NONE).build());
        template = new GlenTemplate(db);
        transactionManager = new GlenTransactionManager(db);
        tx = new TransactionTemplate(transactionManager);
    }

    @AfterEach
    void close() {
        db.close();
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    }

    private TransactionTemplate tx(int propagation) {
        TransactionTemplate t = new TransactionTemplate(transactionManager);
        t.setPropagationBehavior(propagation);
        return t;
    }

    private long value(String collection, String id) {
        Value v = db.get(collection, id);
        assertThat(v).as(collection + "/" + id).isNotNull();
        return v.asLong();
    }

    @Test
    void aCommitAppliesEveryStagedWriteAtOnceWithOneVersion() {
        AtomicLong committedVersion = new AtomicLong(-1);
        tx.executeWithoutResult(status -> {
            assertThat(GlenTransactionSupport.isTransactionActive(db)).isTrue();
            assertThat(template.save("acc", "a", Value.of(1))).isZero();
            assertThat(template.saveAll("acc", Map.of("b", Value.of(2), "c", Value.of(3)))).isZero();
            assertThat(template.insert("acc", "d", Value.of(4))).isZero();
            // staged: invisible to the database and to everyone else ...
            assertThat(db.get("acc", "a")).isNull();
            assertThat(db.count("acc")).isZero();
            // ... but visible to the transaction itself
            assertThat(template.findById("acc", "a")).contains(Value.of(1));
            assertThat(template.exists("acc", "d")).isTrue();
            assertThat(template.findAllById("acc", List.of("d", "b", "zz"))).containsOnlyKeys("d", "b");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    GlenTransactionHolder holder = GlenTransactionSupport.currentHolder(db);
                    committedVersion.set(holder.getCommittedVersion());
                    assertThat(GlenTransactionSupport.currentTxn(db)).isNull();
                }
            });
        });
        assertThat(committedVersion.get()).isPositive();
        for (String id : List.of("a", "b", "c", "d")) {
            assertThat(db.version("acc", id)).as(id).isEqualTo(committedVersion.get());
        }
        assertThat(GlenTransactionSupport.currentHolder(db)).isNull();
    }

    @Test
    void anExceptionOrSetRollbackOnlyLeavesNothing() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            template.save("acc", "a", Value.of(1));
            template.delete("acc", "gone");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        tx.executeWithoutResult(status -> {
            template.save("acc", "b", Value.of(1));
            status.setRollbackOnly();
        });
        assertThat(db.count("acc")).isZero();
        assertThat(db.stats().lsn()).isZero();
    }

    @Test
    void aConcurrentChangeToADocumentReadMakesTheCommitFailAndChangesNothing() {
        db.put("acc", "x", Value.of(10));
        List<Integer> completions = new ArrayList<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int completion) {
                    completions.add(completion);
                }
            });
            long x = template.findById("acc", "x", Long.class).orElseThrow();
            db.put("acc", "x", Value.of(99)); // another writer commits meanwhile
            template.save("acc", "y", Value.of(x));
        })).isInstanceOf(OptimisticLockingFailureException.class).hasMessageContaining("acc/x");
        assertThat(value("acc", "x")).isEqualTo(99);
        assertThat(db.get("acc", "y")).isNull();
        assertThat(completions).containsExactly(TransactionSynchronization.STATUS_ROLLED_BACK);
    }

    @Test
    void insertReportsAVisibleDuplicateAtOnceAndARacingInsertAtCommit() {
        db.put("acc", "taken", Value.of(1));
        tx.executeWithoutResult(status -> {
            assertThatThrownBy(() -> template.insert("acc", "taken", Value.of(2)))
                    .isInstanceOf(DuplicateKeyException.class);
            template.insert("acc", "mine", Value.of(3));
            assertThatThrownBy(() -> template.insert("acc", "mine", Value.of(4)))
                    .as("its own staged insert counts").isInstanceOf(DuplicateKeyException.class);
        });
        assertThat(value("acc", "mine")).isEqualTo(3);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            template.insert("acc", "raced", Value.of(1));
            db.put("acc", "raced", Value.of(2)); // someone else inserts it first
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(value("acc", "raced")).isEqualTo(2);
    }

    @Test
    void versionCheckedUpdatesAndDeletesInATransaction() {
        long v1 = db.put("acc", "x", Value.of(1));
        db.put("acc", "gone", Value.of(1));
        long gone = db.version("acc", "gone");

        // update twice with the version found before the transaction: commits once, with the last value
        tx.executeWithoutResult(status -> {
            Document doc = template.findDocument("acc", "x").orElseThrow();
            assertThat(doc.version()).isEqualTo(v1);
            assertThat(template.update("acc", "x", Value.of(2), doc.version())).isZero();
            assertThat(template.findDocument("acc", "x").orElseThrow())
                    .as("staged value, committed version").isEqualTo(new Document("acc", "x", v1, Value.of(2)));
            template.update("acc", "x", Value.of(3), v1);
            template.delete("acc", "gone", gone);
            assertThat(template.findDocument("acc", "gone")).isEmpty();
        });
        long v2 = db.version("acc", "x");
        assertThat(v2).isGreaterThan(v1);
        assertThat(value("acc", "x")).isEqualTo(3);
        assertThat(db.get("acc", "gone")).isNull();

        // a stale version already visible fails at the call
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> template.update("acc", "x", Value.of(4), v1)))
                .isInstanceOf(OptimisticLockingFailureException.class).hasMessageContaining("has version " + v2 + ", not the expected version " + v1);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> template.delete("acc", "x", v1)))
                .isInstanceOf(OptimisticLockingFailureException.class);

        // a change after staging fails at commit
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            template.update("acc", "x", Value.of(5), v2);
            db.put("acc", "x", Value.of(6));
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(value("acc", "x")).isEqualTo(6);
    }

    @Test
    void deleteReportsExistenceAsTheTransactionSeesIt() {
        db.put("acc", "x", Value.of(1));
        tx.executeWithoutResult(status -> {
            assertThat(template.delete("acc", "x")).isTrue();
            assertThat(template.delete("acc", "x")).as("already deleted in this transaction").isFalse();
            assertThat(template.delete("acc", "never")).isFalse();
            assertThat(db.get("acc", "x")).isNotNull();
        });
        assertThat(db.get("acc", "x")).isNull();
    }

    @Test
    void readOnlyTransactionsRefuseWritesAndValidateTheirReads() {
        db.put("acc", "x", Value.of(1));
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        long x = readOnly.execute(status -> {
            assertThatThrownBy(() -> template.save("acc", "y", Value.of(1)))
                    .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> template.delete("acc", "x")).isInstanceOf(InvalidDataAccessApiUsageException.class);
            return template.findById("acc", "x", Long.class).orElseThrow();
        });
        assertThat(x).isEqualTo(1);
        assertThat(db.get("acc", "y")).isNull();
        long lsn = db.stats().lsn();

        assertThatThrownBy(() -> readOnly.executeWithoutResult(status -> {
            template.findById("acc", "x");
            db.put("acc", "x", Value.of(2));
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(db.stats().lsn()).as("only the concurrent put wrote").isEqualTo(lsn + 1);
    }

    @Test
    void requiresNewCommitsOnItsOwnAndResumesTheOuterTransaction() {
        TransactionTemplate requiresNew = tx(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            template.save("acc", "outer", Value.of(1));
            Txn outer = GlenTransactionSupport.currentTxn(db);
            requiresNew.executeWithoutResult(inner -> {
                assertThat(GlenTransactionSupport.currentTxn(db)).isNotSameAs(outer);
                assertThat(template.findById("acc", "outer")).as("outer's staged write").isEmpty();
                template.save("acc", "inner", Value.of(2));
            });
            assertThat(db.get("acc", "inner")).as("committed before the outer transaction ends").isNotNull();
            assertThat(GlenTransactionSupport.currentTxn(db)).isSameAs(outer);
            assertThat(template.findById("acc", "outer")).contains(Value.of(1));
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");
        assertThat(db.get("acc", "inner")).isNotNull();
        assertThat(db.get("acc", "outer")).isNull();
    }

    @Test
    void requiredJoinsTheOuterTransaction() {
        TransactionTemplate required = tx(TransactionDefinition.PROPAGATION_REQUIRED);
        tx.executeWithoutResult(status -> {
            template.save("acc", "a", Value.of(1));
            Txn outer = GlenTransactionSupport.currentTxn(db);
            required.executeWithoutResult(inner -> {
                assertThat(GlenTransactionSupport.currentTxn(db)).isSameAs(outer);
                assertThat(template.findById("acc", "a")).contains(Value.of(1));
                template.save("acc", "b", Value.of(2));
            });
            assertThat(db.get("acc", "b")).as("the inner part commits with the outer").isNull();
        });
        assertThat(db.version("acc", "a")).isPositive().isEqualTo(db.version("acc", "b"));

        // an inner failure dooms the whole transaction
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            template.save("acc", "c", Value.of(3));
            try {
                required.executeWithoutResult(inner -> {
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException expected) {
                // swallowed by the outer part, but the transaction is rollback-only now
            }
        })).isInstanceOf(UnexpectedRollbackException.class);
        assertThat(db.get("acc", "c")).isNull();
    }

    @Test
    void nestedIsNotSupported() {
        TransactionTemplate nested = tx(TransactionDefinition.PROPAGATION_NESTED);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            template.save("acc", "a", Value.of(1));
            nested.executeWithoutResult(inner -> template.save("acc", "b", Value.of(2)));
        })).isInstanceOf(NestedTransactionNotSupportedException.class);
        assertThat(db.count("acc")).isZero();
    }

    @Test
    void aTransactionPastItsDeadlineFailsAtItsNextOperationAndCommitsNothing() throws Exception {
        TransactionTemplate timed = new TransactionTemplate(transactionManager);
        timed.setTimeout(60);
        assertThatThrownBy(() -> timed.executeWithoutResult(status -> {
            template.save("acc", "a", Value.of(1));
            GlenTransactionSupport.currentHolder(db).setTimeoutInMillis(1); // rather than waiting a second
            sleep(20);
            template.findById("acc", "a");
        })).isInstanceOf(TransactionTimedOutException.class);
        assertThatThrownBy(() -> timed.executeWithoutResult(status -> {
            template.save("acc", "b", Value.of(1));
            GlenTransactionSupport.currentHolder(db).setTimeoutInMillis(1);
            sleep(20);
        })).as("checked at commit too").isInstanceOf(TransactionTimedOutException.class);
        assertThat(db.count("acc")).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void inTransactionJoinsTheBoundTransactionWithoutRetrying() {
        db.put("acc", "n", Value.of(1));
        AtomicReference<Txn> seen = new AtomicReference<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long n = template.inTransaction(txn -> {
                seen.set(txn);
                assertThat(txn).isSameAs(GlenTransactionSupport.currentTxn(db));
                long current = txn.get("acc", "n").asLong();
                txn.put("acc", "n", Value.of(current + 1));
                return current + 1;
            });
            assertThat(n).isEqualTo(2);
            assertThat(template.findById("acc", "n")).contains(Value.of(2));
            db.put("acc", "n", Value.of(100));
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(seen.get().isActive()).isFalse();
        assertThat(value("acc", "n")).as("no retry: the conflict reaches the caller").isEqualTo(100);
    }

    @Test
    void queriesReadCommittedDataOnly() {
        db.put("acc", "old", Value.of(Map.of("kind", "k")));
        tx.executeWithoutResult(status -> {
            template.save("acc", "new", Map.of("kind", "k"));
            assertThat(template.find("acc", Filter.eq("kind", "k"))).extracting(Document::id).containsExactly("old");
            assertThat(template.count("acc")).isEqualTo(1);
        });
        assertThat(template.find("acc", Filter.eq("kind", "k"))).extracting(Document::id).containsExactly("new", "old");
    }

    @Test
    void outsideATransactionTheTemplateWritesDirectly() {
        assertThat(GlenTransactionSupport.currentTxn(db)).isNull();
        long v = template.save("acc", "a", Value.of(1));
        assertThat(v).isPositive().isEqualTo(db.version("acc", "a"));
        assertThat(template.insert("acc", "b", Value.of(1))).isPositive();
        // SUPPORTS without a transaction binds nothing: still direct
        tx(TransactionDefinition.PROPAGATION_SUPPORTS).executeWithoutResult(status ->
                assertThat(template.save("acc", "c", Value.of(1))).isPositive());
    }

    @Test
    void aTransactionIsBoundOnlyForItsOwnDatabase(@TempDir Path otherDir) {
        try (GlenDB other = GlenDB.open(otherDir, GlenOptions.builder().walSync(WalSyncMode.NONE).build())) {
            GlenTemplate otherTemplate = new GlenTemplate(other);
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                template.save("acc", "a", Value.of(1));
                otherTemplate.save("acc", "a", Value.of(1));
                throw new IllegalStateException("rollback");
            })).hasMessage("rollback");
            assertThat(db.get("acc", "a")).isNull();
            assertThat(other.get("acc", "a")).as("not managed by this transaction manager").isNotNull();
        }
    }

    @Test
    void aClosedDatabaseCannotBeginATransaction() {
        db.close();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> { }))
                .isInstanceOf(CannotCreateTransactionException.class);
    }
}
