package io.glen.spring.data.core;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The document operations of a Glen database in Spring's terms: every failure is a
 * {@link DataAccessException}, and a Glen transaction bound to the thread by a
 * {@code GlenTransactionManager} is joined (see {@link GlenTemplate} for exactly how). Implemented by
 * {@link GlenTemplate}; entity-level operations are {@link GlenEntityTemplate}'s.
 */
public interface GlenOperations {

    /** The database. */
    GlenDB getDatabase();

    /** The converter between application objects and values. */
    GlenValueConverter getConverter();

    /** Runs {@code action} against the database, translating its exceptions. */
    <T> T execute(Function<GlenDB, T> action);

    /**
     * Stores an object (converted to a value), replacing any previous one.
     *
     * @return the new version, or 0 when staged in a Spring-managed transaction
     */
    long save(String collection, String id, Object document);

    /**
     * Stores an object that must not exist yet.
     *
     * @return the new version, or 0 when staged in a Spring-managed transaction
     * @throws DuplicateKeyException when a document with that id exists
     */
    long insert(String collection, String id, Object document);

    /**
     * Replaces a document only if it still has {@code expectedVersion}.
     *
     * @return the new version, or 0 when staged in a Spring-managed transaction
     * @throws OptimisticLockingFailureException naming the expected and the current version
     */
    long update(String collection, String id, Object document, long expectedVersion);

    /**
     * Deletes a document only if it still has {@code expectedVersion}.
     *
     * @throws OptimisticLockingFailureException naming the expected and the current version
     */
    void delete(String collection, String id, long expectedVersion);

    /** Deletes a document; returns whether it existed. */
    boolean delete(String collection, String id);

    /**
     * Deletes every document of a collection, atomically (in a Spring-managed transaction: staged
     * there, like every other write); returns how many there were.
     */
    long deleteAll(String collection);

    /**
     * Stores several objects of a collection atomically.
     *
     * @return their version, or 0 when staged in a Spring-managed transaction
     */
    long saveAll(String collection, Map<String, ?> documents);

    /** The document's value, if present. */
    Optional<Value> findById(String collection, String id);

    /** The document read as {@code type}, if present. */
    <T> Optional<T> findById(String collection, String id, Class<T> type);

    /** The document with its version, if present. */
    Optional<Document> findDocument(String collection, String id);

    /** The values of the ids that exist, in request order. */
    Map<String, Value> findAllById(String collection, Collection<String> ids);

    /** The committed documents matching {@code filter}, in id order. */
    List<Document> find(String collection, Filter filter);

    /** The committed documents matching {@code filter}, read as {@code type}, in id order. */
    <T> List<T> find(String collection, Filter filter, Class<T> type);

    /** Runs a query built by {@code spec} on a fresh {@link Query} of the collection. */
    <T> T query(String collection, Function<Query, T> spec);

    /** Whether the document exists. */
    boolean exists(String collection, String id);

    /** The number of committed documents in the collection. */
    long count(String collection);

    /** Runs {@code work} in a Glen transaction (the bound one, or a new one retried on conflict). */
    <T> T inTransaction(Function<Txn, T> work);

    /** Commits a transaction once; a conflict becomes an {@link OptimisticLockingFailureException}. */
    long commit(Txn txn);

    /** Subscribes to a collection's changes. */
    Subscription subscribe(String collection, DocumentListener listener);

    /** Compacts the database (snapshots plus WAL truncation); returns the covered LSN. */
    long compact();

    /** The database statistics. */
    GlenStats stats();
}
