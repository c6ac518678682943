package io.glen.spring.data.transaction;

import io.glen.engine.CommitResult;
import io.glen.engine.GlenDB;
import io.glen.engine.Txn;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.util.Assert;

/**
 * A Spring {@link org.springframework.transaction.PlatformTransactionManager} for one {@link GlenDB}:
 * each Spring transaction is one optimistic Glen {@link Txn}, bound to the thread (keyed by the
 * database) for the transaction's duration, so that every {@code GlenTemplate} call inside it reads
 * and stages through that {@code Txn} and everything commits atomically, as one WAL batch, at the end.
 *
 * <p>Semantics:
 * <ul>
 *   <li><b>Begin</b> opens a {@code Txn}; it holds no lock, so a long transaction blocks nobody.</li>
 *   <li><b>Commit</b> validates every document read through the transaction and every staged write
 *       (see {@link Txn}). A conflict changes nothing and throws
 *       {@link OptimisticLockingFailureException} (a {@code ConcurrencyFailureException}: retrying the
 *       whole transaction may succeed). A transaction that was already committed or rolled back
 *       directly through its {@code Txn} throws {@link IllegalTransactionStateException}; a failure of
 *       the database itself (closed, I/O) throws {@link TransactionSystemException}, since a write may
 *       have been applied in memory without becoming durable.</li>
 *   <li><b>Rollback</b> (and {@code setRollbackOnly}) discards the staged writes; nothing was written.</li>
 *   <li><b>Propagation</b>: {@code REQUIRED}, {@code SUPPORTS}, {@code MANDATORY} join the bound
 *       transaction; {@code REQUIRES_NEW} and {@code NOT_SUPPORTED} suspend it (unbind) and resume it
 *       afterwards, so a {@code REQUIRES_NEW} transaction commits on its own. {@code NESTED} inside a
 *       transaction is not supported ({@link NestedTransactionNotSupportedException}): Glen has no
 *       savepoints.</li>
 *   <li><b>Read-only</b> transactions refuse {@code GlenTemplate} writes; their commit validates the
 *       documents read, so a read-only transaction whose reads were not one consistent state fails
 *       with {@link OptimisticLockingFailureException}.</li>
 *   <li><b>Timeouts</b> are checked whenever the transaction is used through
 *       {@link GlenTransactionSupport#currentTxn} (every {@code GlenTemplate} read and write) and at
 *       commit; past the deadline these throw {@link TransactionTimedOutException} and nothing is
 *       committed.</li>
 *   <li><b>Isolation levels</b> are accepted and ignored: Glen gives one guarantee, serializable for
 *       the documents read and written through the transaction, which is at least as strong as any
 *       level asked for. Queries are not tracked (see {@code GlenTemplate}).</li>
 * </ul>
 */
public class GlenTransactionManager extends AbstractPlatformTransactionManager implements ResourceTransactionManager {

    private final GlenDB db;

    /** A transaction manager for {@code db}. */
    public GlenTransactionManager(GlenDB db) {
        Assert.notNull(db, "GlenDB must not be null");
        this.db = db;
    }

    /** The database whose transactions this manager runs. */
    public GlenDB getDatabase() {
        return db;
    }

    /** The database: the key under which the transaction is bound to the thread. */
    @Override
    public Object getResourceFactory() {
        return db;
    }

    @Override
    protected Object doGetTransaction() {
        return new GlenTransactionObject((GlenTransactionHolder) TransactionSynchronizationManager.getResource(db));
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return ((GlenTransactionObject) transaction).holder != null;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        Txn txn;
        try {
            txn = db.beginTxn();
        } catch (RuntimeException ex) {
            throw new CannotCreateTransactionException("Could not begin a Glen transaction", ex);
        }
        GlenTransactionHolder holder = new GlenTransactionHolder(txn, definition.isReadOnly());
        int timeout = determineTimeout(definition);
        if (timeout != TransactionDefinition.TIMEOUT_DEFAULT) {
            holder.setTimeoutInSeconds(timeout);
        }
        holder.setSynchronizedWithTransaction(true);
        ((GlenTransactionObject) transaction).holder = holder;
        TransactionSynchronizationManager.bindResource(db, holder);
    }

    @Override
    protected Object doSuspend(Object transaction) {
        ((GlenTransactionObject) transaction).holder = null;
        return TransactionSynchronizationManager.unbindResource(db);
    }

    @Override
    protected void doResume(@Nullable Object transaction, Object suspendedResources) {
        TransactionSynchronizationManager.bindResource(db, suspendedResources);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        GlenTransactionHolder holder = holder(status);
        if (holder.hasTimeout()) {
            holder.getTimeToLiveInMillis(); // throws TransactionTimedOutException once the deadline passed
        }
        CommitResult result;
        try {
            result = holder.getTxn().commit();
        } catch (RuntimeException ex) {
            throw new TransactionSystemException("Could not commit the Glen transaction", ex);
        }
        switch (result.status()) {
            case COMMITTED -> holder.committed(result.version());
            case CONFLICT -> throw new OptimisticLockingFailureException(
                    "Glen transaction rolled back at commit: " + result.message());
            default -> throw new IllegalTransactionStateException(
                    "Glen transaction could not commit: " + result.message());
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        holder(status).getTxn().rollback();
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        holder(status).setRollbackOnly();
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        GlenTransactionObject txObject = (GlenTransactionObject) transaction;
        TransactionSynchronizationManager.unbindResourceIfPossible(db);
        GlenTransactionHolder holder = txObject.holder;
        if (holder != null) {
            holder.getTxn().close();
            holder.clear();
            txObject.holder = null;
        }
    }

    private static GlenTransactionHolder holder(DefaultTransactionStatus status) {
        GlenTransactionHolder holder = ((GlenTransactionObject) status.getTransaction()).holder;
        Assert.state(holder != null, "No Glen transaction bound");
        return holder;
    }

    @Override
    public String toString() {
        return "GlenTransactionManager[" + db.directory() + "]";
    }

    /** The per-transaction state AbstractPlatformTransactionManager passes around. */
    private static final class GlenTransactionObject implements SmartTransactionObject {

        @Nullable GlenTransactionHolder holder;

        GlenTransactionObject(@Nullable GlenTransactionHolder holder) {
            this.holder = holder;
        }

        @Override
        public boolean isRollbackOnly() {
            GlenTransactionHolder h = holder;
            return h != null && h.isRollbackOnly();
        }

        @Override
        public void flush() {
            TransactionSynchronizationUtils.triggerFlush();
        }
    }
}
