package io.glen.spring.data.transaction;

import io.glen.engine.Txn;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.util.Assert;

/**
 * The resource a {@link GlenTransactionManager} binds to the thread for its
 * {@link io.glen.engine.GlenDB} while a Spring-managed transaction runs: the Glen {@link Txn}, whether
 * the transaction is read-only, its deadline and rollback-only flag (from {@link ResourceHolderSupport})
 * and, once committed, the version its writes received.
 *
 * <p>Look it up with {@link GlenTransactionSupport#currentHolder}; data access code normally only needs
 * {@link GlenTransactionSupport#currentTxn}.
 */
public final class GlenTransactionHolder extends ResourceHolderSupport {

    private final Txn txn;
    private final boolean readOnly;
    private long committedVersion;
    private final Map<Object, Long> stagedEntities = new IdentityHashMap<>();
    private final List<LongConsumer> commitCallbacks = new ArrayList<>();

    GlenTransactionHolder(Txn txn, boolean readOnly) {
        Assert.notNull(txn, "Txn must not be null");
        this.txn = txn;
        this.readOnly = readOnly;
    }

    /** The Glen transaction, active until the Spring transaction commits or rolls back. */
    public Txn getTxn() {
        return txn;
    }

    /** Whether the Spring transaction was declared read-only. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Whether the Glen transaction can still read and stage (neither committed nor rolled back). */
    public boolean isActive() {
        return txn.isActive();
    }

    /**
     * The version every document written by the transaction received (the commit's log sequence
     * number); 0 before commit, after a rollback, or when the transaction wrote nothing. Meant for
     * {@code TransactionSynchronization.afterCommit} callbacks, which run while the holder is still bound.
     */
    public long getCommittedVersion() {
        return committedVersion;
    }

    /**
     * Remembers that {@code entity} (by identity) was staged in this transaction with
     * {@code expectedVersion} (0: as an insert), and calls {@code onCommit} with the committed
     * version once the transaction commits, before any {@code afterCommit} synchronization runs. Saving
     * the same instance again in the transaction reuses the expected version it was first staged with.
     */
    public void registerStagedEntity(Object entity, long expectedVersion, LongConsumer onCommit) {
        if (stagedEntities.putIfAbsent(entity, expectedVersion) == null) {
            commitCallbacks.add(onCommit);
        }
    }

    /** The expected version {@code entity} was first staged with in this transaction, or null. */
    public @Nullable Long stagedExpectedVersion(Object entity) {
        return stagedEntities.get(entity);
    }

    void committed(long version) {
        this.committedVersion = version;
        if (version != 0) {
            commitCallbacks.forEach(callback -> callback.accept(version));
        }
        commitCallbacks.clear();
        stagedEntities.clear();
    }
}
