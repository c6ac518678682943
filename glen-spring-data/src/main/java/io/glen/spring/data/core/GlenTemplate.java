package io.glen.spring.data.core;

import io.glen.engine.CommitResult;
import io.glen.engine.CommitStatus;
import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenStats;
import io.glen.engine.Txn;
import io.glen.engine.events.DocumentListener;
import io.glen.engine.events.Subscription;
import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.engine.value.Value;
import io.glen.spring.data.transaction.GlenTransactionHolder;
import io.glen.spring.data.transaction.GlenTransactionManager;
import io.glen.spring.data.transaction.GlenTransactionSupport;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.util.Assert;

/**
 * The Spring-friendly face of a {@link GlenDB}: typed convenience methods, query building,
 * transactions with retry, and every Glen exception translated into Spring's
 * {@link DataAccessException} hierarchy by {@link GlenExceptionTranslator}. Thread-safe.
 *
 * <h2>Inside Spring-managed transactions</h2>
 * When a {@link GlenTransactionManager} has bound a Glen transaction for this template's database
 * to the current thread (a {@code @Transactional} method, a {@code TransactionTemplate}), the
 * template takes part in it:
 * <ul>
 *   <li>{@link #findById}, {@link #findDocument}, {@link #findAllById} and {@link #exists} read
 *       through the {@link Txn}: they see the transaction's own staged writes, and the versions they
 *       saw are validated at commit.</li>
 *   <li>{@link #save}, {@link #saveAll}, {@link #insert}, {@link #update} and both {@code delete}s
 *       stage their change in the {@code Txn} instead of writing; nothing is visible to others
 *       before the Spring transaction commits, and then all of it at once, with one version. The
 *       methods that return a version return {@code 0} ("assigned at commit"); the committed version
 *       is {@link GlenTransactionHolder#getCommittedVersion()} after commit. A version mismatch or a
 *       concurrent change makes the <em>commit</em> throw {@link OptimisticLockingFailureException}
 *       (also for an {@link #insert} whose id another transaction took meanwhile: at commit a
 *       duplicate key cannot be told from any other conflict). Mismatches already visible when the
 *       method is called are reported right away, as outside a transaction.</li>
 *   <li>In a read-only transaction every write method throws
 *       {@link InvalidDataAccessApiUsageException}.</li>
 *   <li>{@link #inTransaction} runs its work in the bound {@code Txn} once, without retry: the
 *       surrounding transaction commits it.</li>
 *   <li>{@link #find}, {@link #query}, {@link #count} and {@link #execute} are not part of the
 *       transaction: they read committed data, do not see staged writes, and what they return is
 *       not validated at commit.</li>
 * </ul>
 * Outside a Spring-managed transaction every method works on the database directly, as before.
 */
public class GlenTemplate implements GlenOperations {

    /** What the write methods return for a write staged in a transaction: its version comes at commit. */
    private static final long STAGED = 0;

    private final GlenDB db;
    private final GlenValueConverter converter;
    private final GlenExceptionTranslator translator = new GlenExceptionTranslator();
    private final int maxAttempts;
    private volatile GlenOperationObserver observer = GlenOperationObserver.NONE;

    /** A template with plain conversion and 10 transaction attempts. */
    public GlenTemplate(GlenDB db) {
        this(db, new SimpleGlenValueConverter(), 10);
    }

    /** A template with a converter and a number of attempts for {@link #inTransaction}. */
    public GlenTemplate(GlenDB db, GlenValueConverter converter, int maxAttempts) {
        Assert.notNull(db, "GlenDB must not be null");
        Assert.notNull(converter, "GlenValueConverter must not be null");
        Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
        this.db = db;
        this.converter = converter;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Observes every operation from now on with {@code observer} (for example Micrometer
     * observations); {@link GlenOperationObserver#NONE} stops observing.
     */
    public void setOperationObserver(GlenOperationObserver observer) {
        Assert.notNull(observer, "GlenOperationObserver must not be null");
        this.observer = observer;
    }

    /** The database. */
    public GlenDB getDatabase() {
        return db;
    }

    /** The converter. */
    public GlenValueConverter getConverter() {
        return converter;
    }

    /** Runs {@code action} against the database, translating its exceptions. */
    public <T> T execute(Function<GlenDB, T> action) {
        Assert.notNull(action, "action must not be null");
        return translate("execute", "", () -> action.apply(db));
    }

    /**
     * Stores an object (converted to a value).
     *
     * @return the new version, or 0 when staged in a Spring-managed transaction
     */
    public long save(String collection, String id, Object document) {
        Assert.notNull(document, "document must not be null");
        return translate("save", collection, () -> {
            Value value = converter.write(document);
            Txn txn = writeTxn();
            if (txn != null) {
                txn.put(collection, id, value);
                return STAGED;
            }
            return db.put(collection, id, value);
        });
    }

    /**
     * Stores an object that must not exist yet.
     *
     * <p>In a Spring-managed transaction the document is read through the transaction (so its
     * absence is validated at commit) and the put is staged; an id taken by another transaction
     * after that read makes the commit throw {@link OptimisticLockingFailureException}.
     *
     * @return the new version, or 0 when staged in a Spring-managed transaction
     * @throws DuplicateKeyException when a document with that id exists (in a transaction: as the
     *     transaction sees it, its own staged writes included)
     */
    public long insert(String collection, String id, Object document) {
        Assert.notNull(document, "document must not be null");
        Value value = converter.write(document);
        return translate("insert", collection, () -> {
            Txn txn = writeTxn();
            if (txn != null) {
                if (txn.get(collection, id) != null) {
                    throw duplicate(collection, id);
                }
                txn.put(collection, id, value);
                return STAGED;
            }
            CommitResult result = db.beginTxn().put(collection, id, value, 0).commit();
            if (result.status() == CommitStatus.CONFLICT) {
                throw duplicate(collection, id);
            }
            return result.version();
        });
    }

    /**
     * Replaces a document only if it still has {@code expectedVersion}.
     *
     * <p>In a Spring-managed transaction the put is staged with {@code expectedVersion}, which the
     * commit checks; several updates of one document in one transaction all pass the version the
     * document had before the transaction (the committed one, as {@link #findDocument} reports it).
     *
     * @return the new version, or 0 when staged in a Spring-managed transaction
     * @throws OptimisticLockingFailureException when the document changed or was deleted since (in
     *     a transaction: at the call when that is already visible, else at commit)
     */
    public long update(String collection, String id, Object document, long expectedVersion) {
        Assert.notNull(document, "document must not be null");
        Assert.isTrue(expectedVersion > 0, "expectedVersion must be positive");
        Value value = converter.write(document);
        return translate("update", collection, () -> {
            Txn txn = writeTxn();
            if (txn != null) {
                checkVersion(collection, id, expectedVersion);
                txn.put(collection, id, value, expectedVersion);
                return STAGED;
            }
            CommitResult result = db.beginTxn().put(collection, id, value, expectedVersion).commit();
            if (result.status() == CommitStatus.CONFLICT) {
                throw versionMismatch(collection, id, expectedVersion);
            }
            return result.version();
        });
    }

    /**
     * Deletes a document only if it still has {@code expectedVersion}.
     *
     * @throws OptimisticLockingFailureException when the document changed or was deleted since (in
     *     a Spring-managed transaction: at the call when that is already visible, else at commit)
     */
    public void delete(String collection, String id, long expectedVersion) {
        Assert.isTrue(expectedVersion > 0, "expectedVersion must be positive");
        translate("delete", collection, () -> {
            Txn txn = writeTxn();
            if (txn != null) {
                checkVersion(collection, id, expectedVersion);
                txn.delete(collection, id, expectedVersion);
                return null;
            }
            CommitResult result = db.beginTxn().delete(collection, id, expectedVersion).commit();
            if (result.status() == CommitStatus.CONFLICT) {
                throw versionMismatch(collection, id, expectedVersion);
            }
            return null;
        });
    }

    /**
     * Stores several objects of a collection atomically.
     *
     * @return their version, or 0 when staged in a Spring-managed transaction
     */
    public long saveAll(String collection, Map<String, ?> documents) {
        Assert.notNull(documents, "documents must not be null");
        return translate("saveAll", collection, () -> {
            Map<String, Value> values = new LinkedHashMap<>();
            documents.forEach((id, document) -> values.put(id, converter.write(document)));
            Txn txn = writeTxn();
            if (txn != null) {
                values.forEach((id, value) -> txn.put(collection, id, value));
                return STAGED;
            }
            return db.putMany(collection, values);
        });
    }

    /** The document's value, if present (in a transaction: as the transaction sees it). */
    public Optional<Value> findById(String collection, String id) {
        return translate("findById", collection, () -> Optional.ofNullable(get(collection, id)));
    }

    /** The document read as {@code type}, if present (in a transaction: as the transaction sees it). */
    public <T> Optional<T> findById(String collection, String id, Class<T> type) {
        Assert.notNull(type, "type must not be null");
        return translate("findById", collection, () -> Optional.ofNullable(get(collection, id)).map(v -> converter.read(v, type)));
    }

    /**
     * The document with its version, if present.
     *
     * <p>In a Spring-managed transaction the value is the one the transaction sees (its own staged
     * write, if any) and the version is the document's committed version: the one to pass to
     * {@link #update} or {@link #delete(String, String, long)}, and 0 for a document that exists
     * only as a write staged by this transaction. Should the document change after the transaction
     * first read it, the commit fails, so a committed transaction never acted on a stale pair.
     */
    public Optional<Document> findDocument(String collection, String id) {
        return translate("findDocument", collection, () -> {
            Txn txn = GlenTransactionSupport.currentTxn(db);
            if (txn == null) {
                return Optional.ofNullable(db.getDocument(collection, id));
            }
            Value value = txn.get(collection, id);
            return value == null ? Optional.<Document>empty()
                    : Optional.of(new Document(collection, id, db.version(collection, id), value));
        });
    }

    /** The values of the ids that exist, in request order (in a transaction: as the transaction sees them). */
    public Map<String, Value> findAllById(String collection, Collection<String> ids) {
        Assert.notNull(ids, "ids must not be null");
        return translate("findAllById", collection, () -> {
            Txn txn = GlenTransactionSupport.currentTxn(db);
            return txn != null ? txn.getMany(collection, ids) : db.getMany(collection, ids);
        });
    }

    /**
     * The documents matching {@code filter}, in id order. Reads committed data, also in a
     * transaction (it neither sees staged writes nor is validated at commit).
     */
    public List<Document> find(String collection, Filter filter) {
        return translate("find", collection, () -> db.query(collection).where(filter).list());
    }

    /**
     * The documents matching {@code filter}, read as {@code type}, in id order. Reads committed
     * data, also in a transaction.
     */
    public <T> List<T> find(String collection, Filter filter, Class<T> type) {
        return translate("find", collection, () -> db.query(collection).where(filter).list().stream()
                .map(d -> converter.read(d.value(), type)).toList());
    }

    /**
     * Runs a query built by {@code spec} on a fresh {@link Query} of the collection. Reads committed
     * data, also in a transaction.
     */
    public <T> T query(String collection, Function<Query, T> spec) {
        return translate("query", collection, () -> spec.apply(db.query(collection)));
    }

    /** Whether the document exists (in a transaction: as the transaction sees it). */
    public boolean exists(String collection, String id) {
        return translate("exists", collection, () -> {
            Txn txn = GlenTransactionSupport.currentTxn(db);
            return txn != null ? txn.get(collection, id) != null : db.version(collection, id) != 0;
        });
    }

    /** The number of committed documents in the collection (not tracked by transactions). */
    public long count(String collection) {
        return translate("count", collection, () -> db.count(collection));
    }

    /**
     * Deletes a document; returns whether it existed. In a Spring-managed transaction the document
     * is read through the transaction (so the answer is validated at commit) and the delete staged.
     */
    public boolean delete(String collection, String id) {
        return translate("delete", collection, () -> {
            Txn txn = writeTxn();
            if (txn != null) {
                boolean existed = txn.get(collection, id) != null;
                txn.delete(collection, id);
                return existed;
            }
            return db.delete(collection, id);
        });
    }

    /**
     * Deletes every committed document of the collection and returns how many there were: one
     * atomic batch, or, in a Spring-managed transaction, staged deletes that commit with it (the
     * documents are those committed when the method runs; one inserted concurrently before the
     * commit is not deleted, and one changed concurrently makes the commit fail).
     */
    @Override
    public long deleteAll(String collection) {
        return translate("deleteAll", collection, () -> {
            List<String> ids = db.query(collection).list().stream().map(Document::id).toList();
            Txn txn = writeTxn();
            if (txn != null) {
                ids.forEach(id -> txn.delete(collection, id));
                return (long) ids.size();
            }
            return (long) db.deleteMany(collection, ids);
        });
    }

    /**
     * Runs {@code work} in a Glen transaction, retrying on conflict up to the configured attempts.
     * In a Spring-managed transaction, runs {@code work} once in that transaction instead, which
     * commits (or fails) when the Spring transaction does.
     *
     * @throws OptimisticLockingFailureException when every attempt conflicted
     */
    public <T> T inTransaction(Function<Txn, T> work) {
        Assert.notNull(work, "work must not be null");
        return translate("inTransaction", "", () -> {
            Txn txn = GlenTransactionSupport.currentTxn(db);
            return txn != null ? work.apply(txn) : db.inTransaction(work::apply, maxAttempts);
        });
    }

    /**
     * Commits a transaction once; a conflict becomes an {@link OptimisticLockingFailureException}.
     * Not for the transaction of a Spring-managed transaction, which its transaction manager commits.
     */
    public long commit(Txn txn) {
        CommitResult result = translate("commit", "", txn::commit);
        switch (result.status()) {
            case COMMITTED:
                return result.version();
            case CONFLICT:
                throw new OptimisticLockingFailureException(result.message());
            default:
                throw new InvalidDataAccessApiUsageException(result.message());
        }
    }

    /** Subscribes to a collection's changes. */
    public Subscription subscribe(String collection, DocumentListener listener) {
        return translate("subscribe", collection, () -> db.subscribeCollection(collection, listener));
    }

    /** Compacts the database (snapshots plus WAL truncation); returns the covered LSN. */
    public long compact() {
        return translate("compact", "", () -> db.admin().compact());
    }

    /** The database statistics. */
    public GlenStats stats() {
        return translate("stats", "", db::stats);
    }

    /** The value as the bound transaction sees it, or as committed outside one. */
    private @Nullable Value get(String collection, String id) {
        Txn txn = GlenTransactionSupport.currentTxn(db);
        return txn != null ? txn.get(collection, id) : db.get(collection, id);
    }

    /** The bound transaction to stage writes in, or null to write directly. */
    private @Nullable Txn writeTxn() {
        Txn txn = GlenTransactionSupport.currentTxn(db);
        if (txn != null) {
            GlenTransactionHolder holder = GlenTransactionSupport.currentHolder(db);
            if (holder != null && holder.isReadOnly()) {
                throw new InvalidDataAccessApiUsageException(
                        "Glen write refused: the current transaction is read-only");
            }
        }
        return txn;
    }

    /** Fails fast when the version already differs: versions only grow, so the commit would fail too. */
    private void checkVersion(String collection, String id, long expectedVersion) {
        if (db.version(collection, id) != expectedVersion) {
            throw versionMismatch(collection, id, expectedVersion);
        }
    }

    private OptimisticLockingFailureException versionMismatch(String collection, String id, long expectedVersion) {
        long current = db.version(collection, id);
        return new OptimisticLockingFailureException("document '" + id + "' in collection '" + collection
                + (current == 0 ? "' no longer exists (expected version " + expectedVersion + ")"
                        : "' has version " + current + ", not the expected version " + expectedVersion));
    }

    private static DuplicateKeyException duplicate(String collection, String id) {
        return new DuplicateKeyException("document '" + id + "' already exists in collection '" + collection + "'");
    }

    private <T> T translate(String operation, String collection, Supplier<T> action) {
        return observer.observe(operation, collection, () -> {
            try {
                return action.get();
            } catch (RuntimeException e) {
                DataAccessException translated = translator.translateExceptionIfPossible(e);
                throw translated != null ? translated : e;
            }
        });
    }
}
