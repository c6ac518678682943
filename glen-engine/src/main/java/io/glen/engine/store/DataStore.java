package io.glen.engine.store;

import io.glen.engine.GlenClosedException;
import io.glen.engine.GlenStorageException;
import io.glen.engine.events.ChangeHub;
import io.glen.engine.events.ChangeType;
import io.glen.engine.events.DocumentChange;
import io.glen.engine.index.IndexCatalog;
import io.glen.engine.index.IndexDefinition;
import io.glen.engine.index.SecondaryIndex;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import io.glen.engine.wal.WalEntry;
import io.glen.engine.wal.WalOp;
import io.glen.engine.wal.WalRecordCodec;
import io.glen.engine.wal.WalWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory database: collections, cache and the write path.
 *
 * <p>Writers serialize on one short critical section that checks preconditions, assigns the LSN,
 * buffers the WAL frame and applies the change to the store and the cache. Encoding happens
 * before it and waiting for the WAL after it, so the section costs a few map operations. Readers
 * never lock: collections and documents live in concurrent maps and entries are immutable.
 */
public final class DataStore {

    /**
     * Decides under the write lock which of the proposed changes go ahead.
     */
    @FunctionalInterface
    public interface BatchGuard {
        /**
         * Returns the changes to apply (the proposed list itself, a subset, or an empty list for a
         * no-op) or throws to abort; runs under the write lock and sees a stable store.
         */
        List<Mutation> check(DataStore store, List<Mutation> proposed);

        /** Applies every proposed change. */
        BatchGuard ALL = (store, proposed) -> proposed;
    }

    private final ConcurrentHashMap<String, CollectionStore> collections;
    private final ValueCache cache;
    private final WalWriter wal;
    private final IndexCatalog catalog;
    private final ChangeHub hub;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile @Nullable CollectionStore recent;
    private volatile long lastLsn;
    private volatile boolean closed;

    private final LongAdder puts = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final LongAdder batches = new LongAdder();

    /** Wraps recovered state. */
    public DataStore(ConcurrentHashMap<String, CollectionStore> collections, ValueCache cache, WalWriter wal,
                     IndexCatalog catalog, ChangeHub hub, long lastLsn) {
        this.collections = collections;
        this.cache = cache;
        this.wal = wal;
        this.catalog = catalog;
        this.hub = hub;
        this.lastLsn = lastLsn;
    }

    /**
     * Applies a batch atomically and returns its LSN once the WAL holds it as the sync mode
     * requires; returns 0 when the guard left nothing to do.
     *
     * @param preEncoded the entries encoded by {@link WalRecordCodec#encodeEntries}, used when the
     *     guard applies the proposed list unchanged
     */
    public long write(List<Mutation> proposed, byte @Nullable [] preEncoded, BatchGuard guard) {
        long lsn;
        ChangeHub.Batch batch = null;
        writeLock.lock();
        try {
            ensureOpen();
            List<Mutation> actual = guard.check(this, proposed);
            if (actual.isEmpty()) {
                return 0;
            }
            byte[] entries = actual == proposed && preEncoded != null ? preEncoded : encode(actual);
            lsn = lastLsn + 1;
            wal.append(lsn, entries);
            lastLsn = lsn;
            List<DocumentChange> changes = hub.hasSubscribers() ? new ArrayList<>(actual.size()) : null;
            apply(actual, lsn, changes);
            if (changes != null && !changes.isEmpty()) {
                batch = hub.enqueue(changes);
            }
        } finally {
            writeLock.unlock();
        }
        boolean durable = false;
        try {
            wal.sync(lsn);
            durable = true;
        } finally {
            if (batch != null) {
                hub.complete(batch, durable);
            }
        }
        return lsn;
    }

    /** A guard keeping only deletes of documents that exist (puts pass). */
    public static List<Mutation> presentOnly(DataStore store, List<Mutation> proposed) {
        List<Mutation> present = new ArrayList<>(proposed.size());
        for (Mutation m : proposed) {
            if (m.op() == WalOp.PUT || store.stored(m.collection(), m.id()) != null) {
                present.add(m);
            }
        }
        return present.size() == proposed.size() ? proposed : present;
    }

    /** Encodes the WAL entries of a batch. */
    public static byte[] encode(List<Mutation> mutations) {
        List<WalEntry> entries = new ArrayList<>(mutations.size());
        for (Mutation m : mutations) {
            entries.add(m.toWalEntry());
        }
        return WalRecordCodec.encodeEntries(entries);
    }

    private void apply(List<Mutation> mutations, long lsn, @Nullable List<DocumentChange> changes) {
        for (Mutation m : mutations) {
            if (m.op() == WalOp.PUT) {
                byte[] encoded = m.encoded();
                CollectionStore store = collection(m.collection());
                Value value = m.value();
                StoredDoc entry = new StoredDoc(lsn, encoded);
                StoredDoc previous = store.put(m.id(), entry);
                cache.written(store, m.id(), entry, previous, value);
                if (!store.indexes().isEmpty() || changes != null) {
                    value = value != null ? value : ValueCodec.decode(encoded);
                    store.reindex(m.id(), value);
                }
                if (changes != null) {
                    changes.add(new DocumentChange(m.collection(), m.id(),
                            previous == null ? ChangeType.INSERT : ChangeType.UPDATE, lsn,
                            previous == null ? 0 : previous.version(), previous == null ? null : previous.encoded(),
                            value));
                }
                puts.increment();
            } else {
                CollectionStore store = collections.get(m.collection());
                StoredDoc removed = store == null ? null : store.remove(m.id());
                if (removed != null) {
                    deletes.increment();
                    store.reindex(m.id(), null);
                    if (changes != null) {
                        changes.add(new DocumentChange(m.collection(), m.id(), ChangeType.DELETE, lsn,
                                removed.version(), removed.encoded(), null));
                    }
                }
                if (removed != null) {
                    cache.deleted(store, m.id());
                }
            }
        }
        batches.increment();
    }

    /**
     * Creates an index and fills it from the collection's documents, under the write lock (writers
     * wait while it builds; readers do not). Creating an index that exists with the same paths
     * does nothing.
     *
     * @return whether a new index was created
     * @throws IllegalArgumentException when an index of that name exists with other paths
     */
    public boolean createIndex(String collection, IndexDefinition definition) {
        writeLock.lock();
        try {
            ensureOpen();
            CollectionStore store = collection(collection);
            SecondaryIndex existing = store.index(definition.name());
            if (existing != null) {
                if (existing.definition().equals(definition)) {
                    return false;
                }
                throw new IllegalArgumentException("collection '" + collection + "' already has an index '"
                        + definition.name() + "' on " + existing.definition().paths());
            }
            SecondaryIndex index = new SecondaryIndex(definition);
            store.documents().forEach((id, doc) -> index.update(id, doc.decode()));
            store.addIndex(index);
            try {
                saveCatalog();
            } catch (RuntimeException e) {
                store.removeIndex(definition.name());
                throw e;
            }
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /** Drops an index; returns whether it existed. */
    public boolean dropIndex(String collection, String name) {
        writeLock.lock();
        try {
            ensureOpen();
            CollectionStore store = collections.get(collection);
            SecondaryIndex removed = store == null ? null : store.removeIndex(name);
            if (removed == null) {
                return false;
            }
            try {
                saveCatalog();
            } catch (RuntimeException e) {
                store.addIndex(removed);
                throw e;
            }
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    private void saveCatalog() {
        Map<String, List<IndexDefinition>> all = new LinkedHashMap<>();
        collections.forEach((name, store) -> store.indexes().values().forEach(
                index -> all.computeIfAbsent(name, n -> new ArrayList<>()).add(index.definition())));
        try {
            catalog.save(all);
        } catch (IOException e) {
            throw new GlenStorageException("saving the index catalog failed: " + e.getMessage(), e);
        }
    }

    /** The collection, created when missing. */
    public CollectionStore collection(String name) {
        CollectionStore last = remembered(name);
        return last != null ? last : collections.computeIfAbsent(name, CollectionStore::new);
    }

    /**
     * The collection, or null when it does not exist. The last one found is remembered, since most
     * programs read one collection in a loop: collections are never removed while the store is
     * open, so a remembered store stays the store of its name.
     */
    public @Nullable CollectionStore existingCollection(String name) {
        CollectionStore last = remembered(name);
        if (last != null) {
            return last;
        }
        CollectionStore found = collections.get(name);
        if (found != null) {
            recent = found;
        }
        return found;
    }

    /** The remembered collection when it is the one named, else null. */
    private @Nullable CollectionStore remembered(String name) {
        CollectionStore last = recent;
        return last != null && last.name().equals(name) ? last : null;
    }

    /** The live collection map. */
    public ConcurrentHashMap<String, CollectionStore> collections() {
        return collections;
    }

    /** The stored document, or null. */
    public @Nullable StoredDoc stored(String collection, String id) {
        CollectionStore store = collections.get(collection);
        return store == null ? null : store.get(id);
    }

    /**
     * Runs {@code action} under the write lock and returns the last assigned LSN as of then: no
     * write is in its critical section meanwhile (used to cut consistent snapshot boundaries).
     */
    public long underWriteLock(Runnable action) {
        writeLock.lock();
        try {
            ensureOpen();
            action.run();
            return lastLsn;
        } finally {
            writeLock.unlock();
        }
    }

    /** Marks the store closed and waits for any write in its critical section. */
    public void close() {
        writeLock.lock();
        try {
            closed = true;
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new GlenClosedException("the database is closed");
        }
    }

    /** The change hub that delivers subscriptions. */
    public ChangeHub hub() {
        return hub;
    }

    /** The value cache. */
    public ValueCache cache() {
        return cache;
    }

    /** The write-ahead log. */
    public WalWriter wal() {
        return wal;
    }

    /** The last assigned LSN. */
    public long lastLsn() {
        return lastLsn;
    }

    /** Documents written since open. */
    public long puts() {
        return puts.sum();
    }

    /** Documents deleted since open. */
    public long deletes() {
        return deletes.sum();
    }

    /** Batches written since open. */
    public long batches() {
        return batches.sum();
    }
}
