package io.glen.engine;

import io.glen.engine.internal.events.ChangeHub;
import io.glen.engine.events.ChangeStreamFormat;
import io.glen.engine.events.DeltaListener;
import io.glen.engine.events.DocumentListener;
import io.glen.engine.events.FieldChange;
import io.glen.engine.events.FieldDelta;
import io.glen.engine.events.FieldDeltaEvent;
import io.glen.engine.events.FieldDeltas;
import io.glen.engine.events.FieldListener;
import io.glen.engine.events.Subscription;
import io.glen.engine.internal.events.ListenerAdapters;
import io.glen.engine.index.IndexDefinition;
import io.glen.engine.internal.index.SecondaryIndex;
import io.glen.engine.query.Direction;
import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.engine.internal.store.Checkpointer;
import io.glen.engine.internal.store.CollectionStore;
import io.glen.engine.internal.store.DataStore;
import io.glen.engine.internal.store.DatabaseRecovery;
import io.glen.engine.internal.store.Mutation;
import io.glen.engine.internal.store.StoredDoc;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import io.glen.engine.value.ValuePath;
import java.io.OutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An embedded document database on a directory: documents live in memory, every change is made
 * durable through a write-ahead log, and per-collection snapshots bound recovery time.
 *
 * <pre>{@code
 * try (GlenDB db = GlenDB.open(Path.of("data"))) {
 *     long version = db.put("users", "ada", Value.object().put("name", "Ada").put("age", 36).build());
 *     Value ada = db.get("users", "ada");
 * }
 * }</pre>
 *
 * <p><b>Reads</b> never lock and return shared immutable {@link Value}s without copying; this
 * replaces the "borrowed reads" of the original Glen, with safety by immutability instead of by
 * convention. <b>Writes</b> are atomic per call ({@link #putMany} and {@link #deleteMany} write one
 * batch), visible to readers when the call returns, and durable as {@link WalSyncMode} says;
 * under {@link WalSyncMode#ALWAYS} other readers see a write only once it is durable.
 * A document's version is the log sequence number of the write that produced it: it grows with
 * every change and is never reused, not even after a delete and re-create, a crash or a power
 * loss (after a crash, numbers may jump ahead).
 *
 * <p>All methods are thread-safe. One directory can be open by one {@code GlenDB} at a time; a
 * second open, from this or another process, fails with {@link GlenStorageException}.
 */
public final class GlenDB implements AutoCloseable {

    private static final String LOCK_FILE = "glen.lock";

    private final Path dir;
    private final GlenOptions options;
    private final Closeable directoryLock;
    private final DataStore store;
    private final Checkpointer checkpointer;
    private final long recoveredRecords;
    private final long recoveryTruncatedBytes;
    private final long recoverySalvagedBytes;
    private final TxnCounters txnCounters = new TxnCounters();
    private final GlenAdmin admin;
    private final Object closeLock = new Object();
    private volatile boolean closed;

    private GlenDB(Path dir, GlenOptions options, Closeable directoryLock, DatabaseRecovery.Recovered recovered) {
        this.dir = dir;
        this.options = options;
        this.directoryLock = directoryLock;
        this.store = recovered.store();
        this.checkpointer = new Checkpointer(dir, options.storageFiles(), store);
        this.recoveredRecords = recovered.wal().records();
        this.recoveryTruncatedBytes = recovered.wal().truncatedBytes();
        this.recoverySalvagedBytes = recovered.wal().salvagedBytes();
        this.admin = new GlenAdmin(this, store, checkpointer);
    }

    /** Opens (creating if needed) the database in {@code dir} with default options. */
    public static GlenDB open(Path dir) {
        return open(dir, GlenOptions.defaults());
    }

    /**
     * Opens (creating if needed) the database in {@code dir}: loads snapshots, replays the WAL and
     * cuts a torn tail.
     *
     * @throws GlenStorageException when the directory cannot be used or is open elsewhere
     * @throws GlenCorruptionException when a snapshot or the middle of the WAL is damaged
     */
    public static GlenDB open(Path dir, GlenOptions options) {
        Objects.requireNonNull(dir, "dir must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Path absolute = dir.toAbsolutePath().normalize();
        Closeable lock;
        try {
            if (!options.storageFiles().exists(absolute)) {
                options.storageFiles().createDirectories(absolute);
                Path parent = absolute.getParent();
                if (parent != null) {
                    // A new database directory must survive a power loss like the files in it.
                    options.storageFiles().syncDirectory(parent);
                }
            }
            lock = options.storageFiles().lockDirectory(absolute, LOCK_FILE);
        } catch (IOException e) {
            throw new GlenStorageException("cannot open database directory " + absolute + ": " + e.getMessage(), e);
        }
        try {
            return new GlenDB(absolute, options, lock, DatabaseRecovery.recover(absolute, options));
        } catch (RuntimeException | Error e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ writes

    /**
     * Stores a document, replacing any previous value.
     *
     * @return the new version
     * @throws DocumentTooLargeException when the encoding exceeds {@link GlenOptions#maxDocumentBytes()}
     */
    public long put(String collection, String docId, Value value) {
        ensureOpen();
        CollectionStore cs = collectionOf(collection);
        if (cs == null) {
            Names.checkCollection(collection);
        }
        Names.checkDocId(docId);
        Objects.requireNonNull(value, "value must not be null; use Value.NULL");
        byte[] encoded = ValueCodec.encodeDocument(collection, docId, value, options.maxDocumentBytes());
        if (cs == null) {
            cs = store.collection(collection);
        }
        return store.write(List.of(Mutation.put(cs, docId, encoded, value)), DataStore.BatchGuard.ALL);
    }

    /**
     * Stores several documents of one collection as one atomic batch: after a crash either all or
     * none of them are present.
     *
     * @return the version every document of the batch now has, or 0 for an empty map
     */
    public long putMany(String collection, Map<String, Value> documents) {
        ensureOpen();
        Names.checkCollection(collection);
        Objects.requireNonNull(documents, "documents must not be null");
        if (documents.isEmpty()) {
            return 0;
        }
        List<String> ids = new ArrayList<>(documents.size());
        List<Value> values = new ArrayList<>(documents.size());
        List<byte[]> encodings = new ArrayList<>(documents.size());
        for (Map.Entry<String, Value> entry : documents.entrySet()) {
            ids.add(Names.checkDocId(entry.getKey()));
            Value value = Objects.requireNonNull(entry.getValue(), "values must not be null; use Value.NULL");
            values.add(value);
            encodings.add(ValueCodec.encodeDocument(collection, entry.getKey(), value, options.maxDocumentBytes()));
        }
        CollectionStore cs = store.collection(collection);
        List<Mutation> batch = new ArrayList<>(documents.size());
        for (int i = 0; i < ids.size(); i++) {
            batch.add(Mutation.put(cs, ids.get(i), encodings.get(i), values.get(i)));
        }
        return store.write(batch, DataStore.BatchGuard.ALL);
    }

    /**
     * Deletes a document.
     *
     * @return whether it existed
     */
    public boolean delete(String collection, String docId) {
        ensureOpen();
        Names.checkCollection(collection);
        Names.checkDocId(docId);
        CollectionStore cs = store.existingCollection(collection);
        if (cs == null || cs.get(docId) == null) {
            return false;
        }
        return store.write(List.of(Mutation.delete(cs, docId)), DataStore::presentOnly) != 0;
    }

    /**
     * Deletes several documents of one collection as one atomic batch.
     *
     * @return how many of them existed
     */
    public int deleteMany(String collection, Collection<String> docIds) {
        ensureOpen();
        Names.checkCollection(collection);
        Objects.requireNonNull(docIds, "docIds must not be null");
        Set<String> unique = new LinkedHashSet<>();
        for (String id : docIds) {
            unique.add(Names.checkDocId(id));
        }
        CollectionStore cs = store.existingCollection(collection);
        if (cs == null || unique.isEmpty()) {
            return 0;
        }
        List<Mutation> batch = new ArrayList<>(unique.size());
        for (String id : unique) {
            batch.add(Mutation.delete(cs, id));
        }
        int[] deleted = new int[1];
        store.write(batch, (s, proposed) -> {
            List<Mutation> present = DataStore.presentOnly(s, proposed);
            deleted[0] = present.size();
            return present;
        });
        return deleted[0];
    }

    // ------------------------------------------------------------------ indexes and queries

    /**
     * Creates an index on one field path (single-field) or several (composite), filled from the
     * existing documents. Its definition is persisted; the index is rebuilt on open. Creating an
     * index that exists with the same paths does nothing.
     *
     * @return whether a new index was created
     * @throws IllegalArgumentException for a bad name or path, or a same-named index on other paths
     */
    public boolean createIndex(String collection, String name, String... fieldPaths) {
        ensureOpen();
        Names.checkCollection(collection);
        return store.createIndex(collection, new IndexDefinition(name, List.of(fieldPaths)));
    }

    /** Drops an index; returns whether it existed. */
    public boolean dropIndex(String collection, String name) {
        ensureOpen();
        return store.dropIndex(Names.checkCollection(collection), name);
    }

    /** The definitions of a collection's indexes. */
    public List<IndexDefinition> indexes(String collection) {
        ensureOpen();
        CollectionStore cs = store.existingCollection(Names.checkCollection(collection));
        List<IndexDefinition> result = new ArrayList<>();
        if (cs != null) {
            cs.indexes().values().forEach(index -> result.add(index.definition()));
        }
        return result;
    }

    /** A query on a collection; see {@link Query}. */
    public Query query(String collection) {
        ensureOpen();
        return new Query(store, Names.checkCollection(collection));
    }

    /**
     * The documents whose indexed fields equal {@code key} (all paths of the index, or a prefix of a
     * composite index's paths), in id order.
     */
    public List<Document> findBy(String collection, String index, Value... key) {
        return findBy(collection, index, List.of(key), Integer.MAX_VALUE);
    }

    /** Like {@link #findBy(String, String, Value...)}, returning at most {@code limit} documents. */
    public List<Document> findBy(String collection, String index, List<Value> key, int limit) {
        return IndexLookups.findBy(query(collection), indexDefinition(collection, index), key, limit);
    }

    /**
     * The documents whose first indexed field lies between {@code min} and {@code max} in index
     * order (a null bound is open; bounds keep to their value's kind, as {@link Filter#gt} does).
     */
    public List<Document> rangeBy(String collection, String index, @Nullable Value min, @Nullable Value max,
                                  boolean minInclusive, boolean maxInclusive, int limit, boolean ascending) {
        return rangeBy(collection, index, List.of(), min, max, minInclusive, maxInclusive, limit, ascending);
    }

    /**
     * On a composite index: equality on the first {@code prefix.size()} paths and a range on the
     * next one, ordered by that path.
     */
    public List<Document> rangeBy(String collection, String index, List<Value> prefix, @Nullable Value min,
                                  @Nullable Value max, boolean minInclusive, boolean maxInclusive, int limit,
                                  boolean ascending) {
        return IndexLookups.rangeBy(query(collection), indexDefinition(collection, index), prefix, min, max,
                minInclusive, maxInclusive, limit, ascending);
    }

    private IndexDefinition indexDefinition(String collection, String index) {
        ensureOpen();
        CollectionStore cs = store.existingCollection(Names.checkCollection(collection));
        SecondaryIndex found = cs == null ? null : cs.index(index);
        if (found == null) {
            throw new IllegalArgumentException("collection '" + collection + "' has no index '" + index + "'");
        }
        return found.definition();
    }

    // ------------------------------------------------------------------ transactions

    /** Begins an optimistic transaction; see {@link Txn} for its guarantee. */
    public Txn beginTxn() {
        ensureOpen();
        return new Txn(store, options, txnCounters);
    }

    /**
     * Runs {@code work} in a transaction and commits it, retrying from scratch on conflict up to
     * {@code maxAttempts} times. {@code work} must not have effects outside the transaction,
     * since it may run several times. An exception from {@code work} rolls back and propagates.
     *
     * @return what the last (committed) run of {@code work} returned
     * @throws GlenConflictException when every attempt conflicted
     */
    public <T> T inTransaction(TxnWork<T> work, int maxAttempts) {
        Objects.requireNonNull(work, "work must not be null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        CommitResult last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try (Txn txn = beginTxn()) {
                T result = work.run(txn);
                last = txn.commit();
                if (last.committed()) {
                    return result;
                }
                if (last.status() == CommitStatus.INVALID) {
                    throw new IllegalStateException("the work committed or rolled back its transaction itself: "
                            + last.message());
                }
            }
        }
        throw new GlenConflictException("transaction still conflicted after " + maxAttempts + " attempts: "
                + last.message(), last.conflicts());
    }

    /**
     * The work of {@link #inTransaction}.
     *
     * @param <T> what the work returns
     */
    @FunctionalInterface
    public interface TxnWork<T> {
        /** Reads and stages changes through {@code txn}; must not commit or roll it back. */
        T run(Txn txn);
    }

    // ------------------------------------------------------------------ subscriptions

    /**
     * Subscribes to the changes (put and delete, with old and new value and version) of one
     * document. Changes are delivered after commit and after the WAL holds them as the sync mode
     * requires, outside every lock, in commit order, on a Glen listener thread; see
     * {@link ChangeHub} for the threading model. Close the subscription to stop.
     */
    public Subscription subscribe(String collection, String docId, DocumentListener listener) {
        ensureOpen();
        Objects.requireNonNull(listener, "listener must not be null");
        return store.hub().subscribeDocument(Names.checkCollection(collection), Names.checkDocId(docId),
                listener::onChange);
    }

    /** Subscribes to every change of one collection. */
    public Subscription subscribeCollection(String collection, DocumentListener listener) {
        ensureOpen();
        Objects.requireNonNull(listener, "listener must not be null");
        return store.hub().subscribeCollection(Names.checkCollection(collection), listener::onChange);
    }

    /** Subscribes to every change of every collection. */
    public Subscription subscribeAll(DocumentListener listener) {
        ensureOpen();
        Objects.requireNonNull(listener, "listener must not be null");
        return store.hub().subscribeAll(listener::onChange);
    }

    /**
     * Subscribes to one field path of one document: the listener hears only commits after which
     * the value at the path differs (including appearing or disappearing).
     */
    public Subscription subscribeField(String collection, String docId, String path, FieldListener listener) {
        ensureOpen();
        Objects.requireNonNull(listener, "listener must not be null");
        return store.hub().subscribeDocument(Names.checkCollection(collection), Names.checkDocId(docId),
                ListenerAdapters.fieldChanges(collection, docId, path, listener));
    }

    /**
     * Subscribes to one field path of one document with the differences a commit made under it:
     * set, replace, delete, array append and string append, field by field through nested objects.
     */
    public Subscription subscribeFieldDelta(String collection, String docId, String path, DeltaListener listener) {
        ensureOpen();
        Objects.requireNonNull(listener, "listener must not be null");
        return store.hub().subscribeDocument(Names.checkCollection(collection), Names.checkDocId(docId),
                ListenerAdapters.fieldDeltas(collection, docId, path, listener));
    }

    /**
     * Writes the changes of a collection (or of one document when {@code docId} is not null) to
     * {@code out} as length-framed encoded events ({@link ChangeStreamFormat}), flushing after each.
     * A failing stream closes the subscription.
     */
    public Subscription subscribeStream(String collection, @Nullable String docId, OutputStream out) {
        ensureOpen();
        Objects.requireNonNull(out, "out must not be null");
        Names.checkCollection(collection);
        Subscription[] self = new Subscription[1];
        self[0] = docId == null ? store.hub().subscribeCollection(collection, ListenerAdapters.stream(out, self))
                : store.hub().subscribeDocument(collection, Names.checkDocId(docId), ListenerAdapters.stream(out, self));
        return self[0];
    }

    // ------------------------------------------------------------------ reads

    /** The document's value, or {@code null} when absent. The value is shared and immutable. */
    public @Nullable Value get(String collection, String docId) {
        ensureOpen();
        CollectionStore cs = collectionOf(collection);
        StoredDoc doc = lookup(cs, collection, docId);
        return doc == null ? null : store.cache().value(cs, docId, doc);
    }

    /** The document with its version, or {@code null} when absent. */
    public @Nullable Document getDocument(String collection, String docId) {
        ensureOpen();
        CollectionStore cs = collectionOf(collection);
        StoredDoc doc = lookup(cs, collection, docId);
        return doc == null ? null
                : new Document(collection, docId, doc.version(), store.cache().value(cs, docId, doc));
    }

    /** The collection's store, or null when absent or when the name is null (checked later). */
    private @Nullable CollectionStore collectionOf(@Nullable String collection) {
        return collection == null ? null : store.existingCollection(collection);
    }

    /**
     * The entry of a document, or null when absent. Only valid names are ever stored, so a found
     * entry proves both names valid; the checks (which throw for invalid names) run only when
     * nothing is found, keeping them off the hot read path.
     */
    private static @Nullable StoredDoc lookup(@Nullable CollectionStore cs, String collection, String docId) {
        StoredDoc doc = cs == null || docId == null ? null : cs.get(docId);
        if (doc == null) {
            Names.checkCollection(collection);
            Names.checkDocId(docId);
        }
        return doc;
    }

    /** The values of the given ids that exist, in request order (duplicates once). */
    public Map<String, Value> getMany(String collection, Collection<String> docIds) {
        ensureOpen();
        Names.checkCollection(collection);
        Map<String, Value> result = new LinkedHashMap<>();
        CollectionStore cs = store.existingCollection(collection);
        // Each distinct id is looked up once, so the result keeps first-occurrence order even while
        // writers delete and re-create documents between two lookups of a repeated id.
        for (String id : new LinkedHashSet<>(docIds)) {
            StoredDoc doc = cs == null || id == null ? null : cs.get(id);
            if (doc == null) {
                Names.checkDocId(id); // a found id was valid when stored
            } else {
                result.put(id, store.cache().value(cs, id, doc));
            }
        }
        return result;
    }

    /**
     * Every document of a collection, sorted by id in code point order (as queries sort). For large
     * collections prefer {@link #stream}.
     */
    public Map<String, Value> getAll(String collection) {
        Map<String, Value> result = new TreeMap<>(io.glen.engine.value.ValueOrder::compareStrings);
        try (Stream<Document> documents = stream(collection)) {
            documents.forEach(d -> result.put(d.id(), d.value()));
        }
        return result;
    }

    /**
     * The documents of a collection, lazily and without a lock: weakly consistent, so every
     * document present for the whole iteration is seen exactly once, in no particular order.
     */
    public Stream<Document> stream(String collection) {
        ensureOpen();
        CollectionStore cs = store.existingCollection(Names.checkCollection(collection));
        if (cs == null) {
            return Stream.empty();
        }
        return cs.documents().entrySet().stream().map(entry -> new Document(collection, entry.getKey(),
                entry.getValue().version(), store.cache().value(cs, entry.getKey(), entry.getValue())));
    }

    /** The document's version, or 0 when absent. */
    public long version(String collection, String docId) {
        ensureOpen();
        StoredDoc doc = store.stored(Names.checkCollection(collection), Names.checkDocId(docId));
        return doc == null ? 0 : doc.version();
    }

    /** The number of documents in a collection. */
    public long count(String collection) {
        ensureOpen();
        CollectionStore cs = store.existingCollection(Names.checkCollection(collection));
        return cs == null ? 0 : cs.size();
    }

    /** The names of the collections that have ever held a document, sorted. */
    public List<String> collections() {
        ensureOpen();
        List<String> names = new ArrayList<>(store.collections().keySet());
        names.sort(null);
        return names;
    }

    // ------------------------------------------------------------------ administration

    /**
     * Maintenance, runtime tuning and health of this database: snapshots, compaction, backup, the
     * WAL's sync mode, the cache's capacity and statistics (grouped the way Caffeine groups its
     * policy).
     */
    public GlenAdmin admin() {
        return admin;
    }

    /**
     * The statistics of the database. Like the health answers of {@link #admin()}, it still answers
     * after {@link #close()}, so monitoring never throws.
     */
    public GlenStats stats() {
        Map<String, Long> counts = new TreeMap<>();
        store.collections().forEach((name, cs) -> counts.put(name, (long) cs.size()));
        return new GlenStats(counts, store.visibleLsn(), store.wal().durableLsn(), store.wal().syncMode(),
                store.wal().totalSize(), store.wal().segmentCount(), store.wal().syncCount(), store.awaitingDurability(),
                store.puts(),
                store.deletes(), store.batches(), checkpointer.lastSnapshotAt(), checkpointer.lastSnapshotLsn(),
                checkpointer.lastCompactionAt(), checkpointer.lastCompactionDuration(), recoveredRecords,
                recoveryTruncatedBytes, recoverySalvagedBytes, txnCounters.commits.sum(),
                txnCounters.conflicts.sum(), store.hub().subscriptionCount(), store.hub().listenerErrors(),
                store.cache().stats());
    }

    /** The directory this database lives in. */
    public Path directory() {
        return dir;
    }

    /** The options it was opened with (the sync mode may since have changed). */
    public GlenOptions options() {
        return options;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the database: waits for a running compaction, lets in-flight writes finish, forces
     * the WAL (so everything acknowledged is durable) and releases the directory. Idempotent.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            checkpointer.shutdown();
            boolean walClosed = false;
            try {
                store.close();
                store.wal().close();
                walClosed = true;
            } finally {
                try {
                    store.closeHighWater(walClosed);
                } finally {
                    store.hub().close();
                    try {
                        directoryLock.close();
                    } catch (IOException e) {
                        throw new GlenStorageException("releasing the lock on " + dir + " failed: " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    void ensureOpen() {
        if (closed) {
            throw new GlenClosedException("the database at " + dir + " is closed");
        }
    }

    @Override
    public String toString() {
        return "GlenDB[" + dir + (closed ? ", closed" : "") + "]";
    }
}
