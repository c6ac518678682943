package io.glen.spring.boot.core;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.util.Assert;

/**
 * The Spring-friendly face of a {@link GlenDB}: typed convenience methods, query building,
 * transactions with retry, and every Glen exception translated into Spring's
 * {@link DataAccessException} hierarchy by {@link GlenExceptionTranslator}. Thread-safe.
 */
public class GlenTemplate {

    private final GlenDB db;
    private final GlenValueConverter converter;
    private final GlenExceptionTranslator translator = new GlenExceptionTranslator();
    private final int maxAttempts;

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
        return translate(() -> action.apply(db));
    }

    /** Stores an object (converted to a value); returns the new version. */
    public long save(String collection, String id, Object document) {
        Assert.notNull(document, "document must not be null");
        return translate(() -> db.put(collection, id, converter.write(document)));
    }

    /**
     * Stores an object that must not exist yet.
     *
     * @return the new version
     * @throws DuplicateKeyException when a document with that id exists
     */
    public long insert(String collection, String id, Object document) {
        Assert.notNull(document, "document must not be null");
        Value value = converter.write(document);
        return translate(() -> {
            CommitResult result = db.beginTxn().put(collection, id, value, 0).commit();
            if (result.status() == CommitStatus.CONFLICT) {
                throw new DuplicateKeyException("document '" + id + "' already exists in collection '" + collection + "'");
            }
            return result.version();
        });
    }

    /**
     * Replaces a document only if it still has {@code expectedVersion}.
     *
     * @return the new version
     * @throws OptimisticLockingFailureException when the document changed or was deleted since
     */
    public long update(String collection, String id, Object document, long expectedVersion) {
        Assert.notNull(document, "document must not be null");
        Assert.isTrue(expectedVersion > 0, "expectedVersion must be positive");
        Value value = converter.write(document);
        return translate(() -> {
            CommitResult result = db.beginTxn().put(collection, id, value, expectedVersion).commit();
            if (result.status() == CommitStatus.CONFLICT) {
                throw new OptimisticLockingFailureException("document '" + id + "' in collection '" + collection
                        + "' no longer has version " + expectedVersion);
            }
            return result.version();
        });
    }

    /**
     * Deletes a document only if it still has {@code expectedVersion}.
     *
     * @throws OptimisticLockingFailureException when the document changed or was deleted since
     */
    public void delete(String collection, String id, long expectedVersion) {
        Assert.isTrue(expectedVersion > 0, "expectedVersion must be positive");
        translate(() -> {
            CommitResult result = db.beginTxn().delete(collection, id, expectedVersion).commit();
            if (result.status() == CommitStatus.CONFLICT) {
                throw new OptimisticLockingFailureException("document '" + id + "' in collection '" + collection
                        + "' no longer has version " + expectedVersion);
            }
            return null;
        });
    }

    /** Stores several objects of a collection atomically; returns their version. */
    public long saveAll(String collection, Map<String, ?> documents) {
        Assert.notNull(documents, "documents must not be null");
        return translate(() -> {
            Map<String, Value> values = new LinkedHashMap<>();
            documents.forEach((id, document) -> values.put(id, converter.write(document)));
            return db.putMany(collection, values);
        });
    }

    /** The document's value, if present. */
    public Optional<Value> findById(String collection, String id) {
        return translate(() -> Optional.ofNullable(db.get(collection, id)));
    }

    /** The document read as {@code type}, if present. */
    public <T> Optional<T> findById(String collection, String id, Class<T> type) {
        Assert.notNull(type, "type must not be null");
        return translate(() -> Optional.ofNullable(db.get(collection, id)).map(v -> converter.read(v, type)));
    }

    /** The document with its version, if present. */
    public Optional<Document> findDocument(String collection, String id) {
        return translate(() -> Optional.ofNullable(db.getDocument(collection, id)));
    }

    /** The values of the ids that exist, in request order. */
    public Map<String, Value> findAllById(String collection, Collection<String> ids) {
        return translate(() -> db.getMany(collection, ids));
    }

    /** The documents matching {@code filter}, in id order. */
    public List<Document> find(String collection, Filter filter) {
        return translate(() -> db.query(collection).where(filter).list());
    }

    /** The documents matching {@code filter}, read as {@code type}, in id order. */
    public <T> List<T> find(String collection, Filter filter, Class<T> type) {
        return translate(() -> db.query(collection).where(filter).list().stream()
                .map(d -> converter.read(d.value(), type)).toList());
    }

    /** Runs a query built by {@code spec} on a fresh {@link Query} of the collection. */
    public <T> T query(String collection, Function<Query, T> spec) {
        return translate(() -> spec.apply(db.query(collection)));
    }

    /** Whether the document exists. */
    public boolean exists(String collection, String id) {
        return translate(() -> db.version(collection, id) != 0);
    }

    /** The number of documents in the collection. */
    public long count(String collection) {
        return translate(() -> db.count(collection));
    }

    /** Deletes a document; returns whether it existed. */
    public boolean delete(String collection, String id) {
        return translate(() -> db.delete(collection, id));
    }

    /**
     * Runs {@code work} in a Glen transaction, retrying on conflict up to the configured attempts.
     *
     * @throws OptimisticLockingFailureException when every attempt conflicted
     */
    public <T> T inTransaction(Function<Txn, T> work) {
        Assert.notNull(work, "work must not be null");
        return translate(() -> db.inTransaction(work::apply, maxAttempts));
    }

    /**
     * Commits a transaction once; a conflict becomes an {@link OptimisticLockingFailureException}.
     */
    public long commit(Txn txn) {
        CommitResult result = translate(txn::commit);
        switch (result.status()) {
            case COMMITTED:
                return result.version();
            case CONFLICT:
                throw new OptimisticLockingFailureException(result.message());
            default:
                throw new org.springframework.dao.InvalidDataAccessApiUsageException(result.message());
        }
    }

    /** Subscribes to a collection's changes. */
    public Subscription subscribe(String collection, DocumentListener listener) {
        return translate(() -> db.subscribeCollection(collection, listener));
    }

    /** Compacts the database (snapshots plus WAL truncation); returns the covered LSN. */
    public long compact() {
        return translate(db::compact);
    }

    /** The database statistics. */
    public GlenStats stats() {
        return translate(db::stats);
    }

    private <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            DataAccessException translated = translator.translateExceptionIfPossible(e);
            throw translated != null ? translated : e;
        }
    }
}
