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
import io.glen.engine.WalSyncMode;
import io.glen.engine.wal.LsnHighWaterMark;
import io.glen.engine.wal.WalEntry;
import io.glen.engine.wal.WalOp;
import io.glen.engine.wal.WalRecordCodec;
import io.glen.engine.wal.WalWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p><b>Visibility.</b> Under {@link WalSyncMode#ALWAYS} a write becomes visible only once it is
 * durable (synchronous commit): the critical section stages it (writers that validate see it,
 * readers do not) and queues it; after the force, the queued batches are applied to the maps in
 * LSN order by whichever writer gets there first, and each writer returns once its own batch is
 * visible. Under INTERVAL and NONE a write is applied in the critical section (visible before it
 * is forced) unless staged batches are still queued, which keeps LSN order across a change of
 * mode.
 *
 * <p><b>Versions are never reused.</b> A write visible before it is forced may be lost to a power
 * loss after a reader saw its version. So such writes take LSNs only below the durable
 * {@link LsnHighWaterMark}, which is raised {@link #RESERVATION_BLOCK} ahead (in the background
 * when half of the reserve is used, inline when it ran out); a database reopened below the mark
 * continues above it, and a skip record keeps the log gap-free.
 */
public final class DataStore {

    /** How far the LSN high-water mark is raised ahead of the LSNs in use. */
    public static final long RESERVATION_BLOCK = 1L << 20;

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

    /** Written under the write lock and not yet visible, by document; what validating writers see. */
    private final ConcurrentHashMap<DocKey, Staged> staged = new ConcurrentHashMap<>();
    /** Batches waiting for the WAL before they become visible, in LSN order. */
    private final ConcurrentLinkedQueue<Deferred> deferred = new ConcurrentLinkedQueue<>();
    /** Held while queued batches are applied (and while an index is built, so none is missed). */
    private final ReentrantLock publishLock = new ReentrantLock();
    /** Bounds every version a reader can see: raised before a write is applied. */
    private volatile long visibleLsn;
    /** Every write up to it is applied: raised after a write is applied. */
    private volatile long appliedLsn;

    private final LsnHighWaterMark highWater;
    private volatile long reservedLsn;
    private final AtomicBoolean reservationRequested = new AtomicBoolean();
    private volatile @Nullable Executor reservationExecutor;

    private final LongAdder puts = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final LongAdder batches = new LongAdder();

    private record DocKey(String collection, String id) {
    }

    /** A staged write of one document: its LSN, and whether it deletes. */
    private record Staged(long lsn, boolean delete) {
    }

    /** A batch staged under the write lock, to be applied once the WAL holds it. */
    private record Deferred(long lsn, List<Mutation> mutations, DocKey[] keys, Staged[] staged, boolean force) {
    }

    /**
     * Wraps recovered state.
     *
     * @param recoveredLsn the last LSN the recovered documents reflect (visible from the start)
     * @param lastLsn the last LSN that may have been handed out: {@code recoveredLsn}, or the
     *     high-water mark when that is above it (the WAL then holds a skip to it)
     */
    public DataStore(ConcurrentHashMap<String, CollectionStore> collections, ValueCache cache, WalWriter wal,
                     IndexCatalog catalog, ChangeHub hub, LsnHighWaterMark highWater, long recoveredLsn,
                     long lastLsn) {
        this.collections = collections;
        this.cache = cache;
        this.wal = wal;
        this.catalog = catalog;
        this.hub = hub;
        this.highWater = highWater;
        this.reservedLsn = highWater.mark();
        this.visibleLsn = recoveredLsn;
        this.appliedLsn = recoveredLsn;
        this.lastLsn = lastLsn;
    }

    /**
     * Lets the high-water mark be raised ahead of need on {@code executor} (the database's WAL
     * thread) instead of inline by the writer that reaches it.
     */
    public void useReservationExecutor(Executor executor) {
        this.reservationExecutor = executor;
    }

    /**
     * Applies a batch atomically and returns its LSN once the WAL holds it as the sync mode
     * requires and it is visible to readers; returns 0 when the guard left nothing to do.
     *
     * @param preEncoded the entries encoded by {@link WalRecordCodec#encodeEntries}, used when the
     *     guard applies the proposed list unchanged
     */
    public long write(List<Mutation> proposed, byte @Nullable [] preEncoded, BatchGuard guard) {
        long lsn = 0;
        long refusedAt = 0;
        Deferred staging = null;
        ChangeHub.Batch batch = null;
        writeLock.lock();
        try {
            ensureOpen();
            List<Mutation> actual = guard.check(this, proposed);
            if (actual.isEmpty()) {
                // The guard may have decided on staged writes that are not visible yet (a conflict
                // with them): return only once they are, so that a retry reads what it lost to.
                refusedAt = deferred.isEmpty() ? 0 : lastLsn;
            } else {
                boolean force = wal.syncMode() == WalSyncMode.ALWAYS;
                byte[] entries = actual == proposed && preEncoded != null ? preEncoded : encode(actual);
                lsn = nextLsn(force);
                wal.append(lsn, entries);
                lastLsn = lsn;
                if (force || !deferred.isEmpty()) {
                    staging = stage(actual, lsn, force);
                } else {
                    List<DocumentChange> changes = hub.hasSubscribers() ? new ArrayList<>(actual.size()) : null;
                    visibleLsn = lsn;
                    apply(actual, lsn, changes);
                    appliedLsn = lsn;
                    if (changes != null && !changes.isEmpty()) {
                        batch = hub.enqueue(changes);
                    }
                }
            }
        } finally {
            writeLock.unlock();
        }
        if (lsn == 0) {
            if (refusedAt > 0) {
                awaitVisible(refusedAt);
            }
            return 0;
        }
        if (staging != null) {
            wal.sync(lsn, staging.force());
            awaitVisible(lsn);
            return lsn;
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

    /**
     * The next LSN, under the write lock. A write that becomes visible before it is forced must
     * stay under the durable high-water mark, so that a power loss cannot hand its version out
     * again; a forced one is visible only once the log holds it, so recovery finds it.
     */
    private long nextLsn(boolean forced) {
        long lsn = lastLsn + 1;
        if (!forced) {
            if (lsn > reservedLsn) {
                raiseHighWater(lsn - 1 + RESERVATION_BLOCK);
            } else if (lsn > reservedLsn - RESERVATION_BLOCK / 2) {
                requestReservation();
            }
        }
        return lsn;
    }

    /**
     * Makes sure a write under {@code mode} can take LSNs without raising the high-water mark
     * first: for a mode whose writes are visible before they are forced, raises it a block ahead
     * now (at open and when the mode changes), so that no writer pays for that force.
     */
    public void reserveFor(WalSyncMode mode) {
        if (mode == WalSyncMode.ALWAYS) {
            return;
        }
        writeLock.lock();
        try {
            if (reservedLsn - lastLsn < RESERVATION_BLOCK / 2) {
                raiseHighWater(lastLsn + RESERVATION_BLOCK);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void raiseHighWater(long to) {
        try {
            highWater.raise(to);
            reservedLsn = highWater.mark();
        } catch (java.io.IOException | RuntimeException e) {
            throw wal.fail("raising the LSN high-water mark in " + highWater.path() + " failed", e);
        }
    }

    private void requestReservation() {
        Executor executor = reservationExecutor;
        if (executor == null) {
            raiseHighWater(lastLsn + RESERVATION_BLOCK);
            return;
        }
        if (reservationRequested.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    try {
                        raiseHighWater(lastLsn + RESERVATION_BLOCK);
                    } catch (GlenStorageException e) {
                        // The log is poisoned: the next write reports it.
                    } finally {
                        reservationRequested.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                // Shutting down; a writer that runs out of reserve raises the mark itself.
                reservationRequested.set(false);
            }
        }
    }

    /** Stages a batch (under the write lock): validating writers see it, readers do not yet. */
    private Deferred stage(List<Mutation> mutations, long lsn, boolean force) {
        DocKey[] keys = new DocKey[mutations.size()];
        Staged[] entries = new Staged[mutations.size()];
        for (int i = 0; i < keys.length; i++) {
            Mutation m = mutations.get(i);
            keys[i] = new DocKey(m.collection(), m.id());
            entries[i] = new Staged(lsn, m.op() == WalOp.DELETE);
            staged.put(keys[i], entries[i]);
        }
        Deferred batch = new Deferred(lsn, mutations, keys, entries, force);
        deferred.add(batch);
        return batch;
    }

    /**
     * Returns once every write up to {@code lsn} is visible: applies the queued batches whose WAL
     * records are written (forced, where they asked for it) in LSN order, and forces for the first
     * one that waits for it.
     *
     * @throws GlenStorageException when the log is poisoned first (the batches then never show)
     */
    private void awaitVisible(long lsn) {
        while (appliedLsn < lsn) {
            Deferred waiting = null;
            publishLock.lock();
            try {
                Deferred head;
                while ((head = deferred.peek()) != null) {
                    if (head.force() ? wal.durableLsn() < head.lsn() : wal.writtenLsn() < head.lsn()) {
                        waiting = head;
                        break;
                    }
                    publish(head);
                    deferred.poll();
                }
            } finally {
                publishLock.unlock();
            }
            if (waiting != null && appliedLsn < lsn) {
                wal.sync(waiting.lsn(), waiting.force());
            }
        }
    }

    /** Applies a queued batch (under the publish lock). */
    private void publish(Deferred batch) {
        List<DocumentChange> changes = hub.hasSubscribers() ? new ArrayList<>(batch.mutations().size()) : null;
        visibleLsn = batch.lsn();
        apply(batch.mutations(), batch.lsn(), changes);
        for (int i = 0; i < batch.keys().length; i++) {
            staged.remove(batch.keys()[i], batch.staged()[i]);
        }
        appliedLsn = batch.lsn();
        if (changes != null && !changes.isEmpty()) {
            hub.complete(hub.enqueue(changes), true);
        }
    }

    /** A guard keeping only deletes of documents that exist (puts pass). */
    public static List<Mutation> presentOnly(DataStore store, List<Mutation> proposed) {
        List<Mutation> present = new ArrayList<>(proposed.size());
        for (Mutation m : proposed) {
            if (m.op() == WalOp.PUT || store.latestVersion(m.collection(), m.id()) != 0) {
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
        publishLock.lock();
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
            publishLock.unlock();
            writeLock.unlock();
        }
    }

    /** Drops an index; returns whether it existed. */
    public boolean dropIndex(String collection, String name) {
        writeLock.lock();
        publishLock.lock();
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
            publishLock.unlock();
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

    /** The stored document as readers see it, or null. */
    public @Nullable StoredDoc stored(String collection, String id) {
        CollectionStore store = collections.get(collection);
        return store == null ? null : store.get(id);
    }

    /**
     * The version of the latest write of a document, visible or staged, or 0 when that write
     * deleted it or there is none: what a guard validates against (call under the write lock).
     */
    public long latestVersion(String collection, String id) {
        Staged pending = staged.isEmpty() ? null : staged.get(new DocKey(collection, id));
        if (pending != null) {
            return pending.delete() ? 0 : pending.lsn();
        }
        StoredDoc doc = stored(collection, id);
        return doc == null ? 0 : doc.version();
    }

    /**
     * Runs {@code action} under the write lock, then makes every write up to the last assigned LSN
     * visible and returns that LSN: no write is in its critical section meanwhile and every write
     * up to it is in the maps (used to cut consistent snapshot boundaries; {@code action} rotates
     * the WAL, which forces it, so no staged batch waits long).
     */
    public long underWriteLock(Runnable action) {
        writeLock.lock();
        try {
            ensureOpen();
            action.run();
            awaitVisible(lastLsn);
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

    /**
     * After the WAL closed cleanly (every handed-out LSN durable in it), lowers a high-water mark
     * that is above the last LSN to it, so that the next open continues right after it; then closes
     * the mark's file. A failure leaves the mark higher, which costs a jump in version numbers,
     * never safety; it is reported like any failing close.
     *
     * @throws GlenStorageException when the mark could not be lowered
     */
    public void closeHighWater(boolean walClosedCleanly) {
        try {
            if (walClosedCleanly && !wal.isPoisoned() && highWater.mark() > lastLsn) {
                highWater.set(lastLsn);
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new GlenStorageException("lowering the LSN high-water mark in " + highWater.path() + " at close failed ("
                    + e.getMessage() + "); nothing is lost, versions continue above the old mark", e);
        } finally {
            try {
                highWater.close();
            } catch (java.io.IOException ignored) {
                // Every update was forced when it was made; closing loses nothing.
            }
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

    /** The last assigned LSN (under ALWAYS possibly not visible yet; never handed out again). */
    public long lastLsn() {
        return lastLsn;
    }

    /** The LSN of the last write readers can see: no visible version is above it. */
    public long visibleLsn() {
        return visibleLsn;
    }

    /** Batches in the WAL that wait for a force before they become visible. */
    public int awaitingDurability() {
        return deferred.size();
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
