package io.glen.spring.data.transaction;

import io.glen.engine.GlenDB;
import io.glen.engine.Txn;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Access to the Glen transaction that a {@link GlenTransactionManager} bound to the current thread.
 * Data access code (such as {@code GlenTemplate}) reads and stages through {@link #currentTxn} when it
 * returns a transaction and works on the database directly otherwise.
 */
public final class GlenTransactionSupport {

    private GlenTransactionSupport() {
    }

    /**
     * The holder bound to the current thread for {@code db}, or {@code null} outside a Spring-managed
     * Glen transaction. The holder stays bound until the transaction completes, so it is also found
     * in {@code afterCommit}/{@code afterCompletion} callbacks, when its {@link Txn} is no longer active.
     */
    public static @Nullable GlenTransactionHolder currentHolder(GlenDB db) {
        Assert.notNull(db, "GlenDB must not be null");
        return (GlenTransactionHolder) TransactionSynchronizationManager.getResource(db);
    }

    /**
     * The active Glen transaction bound to the current thread for {@code db}, or {@code null} when
     * there is none (no Spring-managed transaction, or it has already committed or rolled back).
     *
     * @throws TransactionTimedOutException when the transaction has passed its deadline; it is then
     *     marked rollback-only
     */
    public static @Nullable Txn currentTxn(GlenDB db) {
        GlenTransactionHolder holder = currentHolder(db);
        if (holder == null || !holder.isActive()) {
            return null;
        }
        if (holder.hasTimeout()) {
            holder.getTimeToLiveInMillis(); // throws TransactionTimedOutException once the deadline passed
        }
        return holder.getTxn();
    }

    /** Whether a Glen transaction is active on the current thread for {@code db}. */
    public static boolean isTransactionActive(GlenDB db) {
        GlenTransactionHolder holder = currentHolder(db);
        return holder != null && holder.isActive();
    }
}
