package io.glen.engine.internal.store;

import io.glen.engine.DocumentKey;
import io.glen.engine.GlenClosedException;
import io.glen.engine.GlenStorageException;
import io.glen.engine.internal.events.ChangeHub;
import io.glen.engine.events.ChangeType;
import io.glen.engine.events.DocumentChange;
import io.glen.engine.internal.index.IndexCatalog;
import io.glen.engine.index.IndexDefinition;
import io.glen.engine.internal.index.SecondaryIndex;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import io.glen.engine.WalSyncMode;
import io.glen.engine.internal.wal.LsnHighWaterMark;
import io.glen.engine.internal.wal.WalFrame;
import io.glen.engine.internal.wal.WalOp;
import io.glen.engine.internal.wal.WalWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory database: collections, cache and the write path.
 *
 * <p><b>The write path.</b> A writer encodes its documents and frames its batch for the log
 * outside every lock, then holds the {@link DocumentLocks lock stripes} of its documents: it runs
 * its guard (preconditions, optimistic validation) against a state of those documents that cannot
 * change, enters the log's short append section, where the LSN is assigned and the frame is
 * copied into the log (so the log's order is LSN order and every record is in the operating
 * system's hands before anything depends on it), and leaves it to apply the change to the maps,
 * indexes and cache. Writers of different documents (in any collections) meet only in the append
 * section. Readers never lock: collections and documents live in concurrent maps and entries are
 * immutable.
 *
 * <p><b>Visibility.</b> Under {@link WalSyncMode#ALWAYS} a write becomes visible only once it is
 * durable (synchronous commit): the append section stages it (writers that validate see it,
 * readers do not) and queues it; after the force, the queued batches are applied to the maps in
 * LSN order by whichever writer gets there first, and each writer returns once its own batch is
 * visible. Under INTERVAL and NONE a write is applied right after the append section (visible
 * before it is forced) unless staged batches are still queued, which keeps LSN order across a
 * change of mode.
 *
 * <p><b>Versions are never reused.</b> A write visible before it is forced may be lost to a power
 * loss after a reader saw its version. So such writes take LSNs only below the durable
 * {@link LsnHighWaterMark}, which is raised {@link #RESERVATION_BLOCK} ahead (on the WAL thread
 * when half of the reserve is used, inline when it ran out); a database reopened below the mark
 * continues above it, and a skip record keeps the log gap-free.
 */
public final class DataStore {

    /** How far the LSN high-water mark is raised ahead of the LSNs in use. */
    public static final long RESERVATION_BLOCK = 1L << 20;

    /**
     * Decides, holding the lock stripes of the proposed documents, which of the changes go ahead.
     */
    @FunctionalInterface
    public interface BatchGuard {
        /**
         * Returns the changes to apply (the proposed list itself, a subset, or an empty list for a
         * no-op) or throws to abort; runs holding the lock stripes of the proposed documents, which
         * therefore do not change meanwhile.
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
    private final DocumentLocks locks = new DocumentLocks();
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

    private final LsnHighWaterMark highWater;
    private volatile long reservedLsn;
    private final AtomicBoolean reservationRequested = new AtomicBoolean();
    private volatile boolean reserveInBackground;

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
        this.lastLsn = lastLsn;
    }

    /**
     * Lets the high-water mark be raised ahead of need on the WAL thread instead of inline by the
     * writer that reaches it.
     */
    public void reserveInBackground() {
        this.reserveInBackground = true;
    }

    /**
     * Applies a batch atomically and returns its LSN once the WAL holds it as the sync mode
     * requires and it is visible to readers; returns 0 when the guard left nothing to do.
     */
    public long write(List<Mutation> proposed, BatchGuard guard) {
        return write(proposed, List.of(), guard);
    }

    /**
     * Like {@link #write(List, BatchGuard)}, also holding the lock stripes of {@code reads} while
     * the guard runs and the batch lands: the documents a transaction read, whose versions it
     * validates, cannot change before its batch is applied.
     */
    public long write(List<Mutation> proposed, Collection<DocumentKey> reads, BatchGuard guard) {
        Mutation only = proposed.size() == 1 && reads.isEmpty() ? proposed.get(0) : null;
        int stripe = only != null ? locks.lock(only.collection(), only.id()) : -1;
        int[] stripes = only == null ? locks.lock(proposed, reads) : null;
        long lsn = 0;
        long refusedAt = 0;
        Deferred staging = null;
        ChangeHub.Batch events = null;
        List<DocumentChange> changes = null;
        try {
            ensureOpen();
            List<Mutation> actual = guard.check(this, proposed);
            if (actual.isEmpty()) {
                // The guard may have decided on staged writes that are not visible yet (a conflict
                // with them): return only once they are, so that a retry reads what it lost to.
                refusedAt = deferred.isEmpty() ? 0 : lastLsn;
            } else {
                WalFrame frame = frame(actual);
                ReentrantLock append = wal.appendLock();
                append.lock();
                try {
                    boolean force = wal.syncMode() == WalSyncMode.ALWAYS;
                    lsn = nextLsn(force);
                    wal.append(frame, lsn);
                    lastLsn = lsn;
                    if (force || !deferred.isEmpty()) {
                        staging = stage(actual, lsn, force);
                    } else {
                        visibleLsn = lsn;
                        if (hub.hasSubscribers()) {
                            changes = new ArrayList<>(actual.size());
                            events = hub.enqueue(changes);
                        }
                    }
                } finally {
                    append.unlock();
                }
                if (staging == null) {
                    apply(actual, lsn, changes);
                }
            }
        } finally {
            if (stripes == null) {
                locks.unlock(stripe);
            } else {
                locks.unlock(stripes);
            }
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
            wal.sync(lsn, false);
            durable = true;
        } finally {
            if (events != null) {
                hub.complete(events, durable);
            }
        }
        return lsn;
    }

    /** Frames a batch for the log, in the calling thread's reusable frame. */
    private static WalFrame frame(List<Mutation> mutations) {
        WalFrame frame = WalFrame.forThisThread().begin(mutations.size());
        for (int i = 0; i < mutations.size(); i++) {
            Mutation m = mutations.get(i);
            if (m.op() == WalOp.PUT) {
                frame.put(m.store().nameEntry(), m.id(), m.encoded());
            } else {
                frame.delete(m.store().nameEntry(), m.id());
            }
        }
        return frame.checkSize();
    }

    /**
     * The next LSN, in the append section. A write that becomes visible before it is forced must
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
        ReentrantLock append = wal.appendLock();
        append.lock();
        try {
            if (reservedLsn - lastLsn < RESERVATION_BLOCK / 2) {
                raiseHighWater(lastLsn + RESERVATION_BLOCK);
            }
        } finally {
            append.unlock();
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
        if (!reserveInBackground) {
            raiseHighWater(lastLsn + RESERVATION_BLOCK);
            return;
        }
        if (reservationRequested.compareAndSet(false, true)) {
            boolean queued = wal.executeInBackground(() -> {
                try {
                    raiseHighWater(lastLsn + RESERVATION_BLOCK);
                } catch (GlenStorageException e) {
                    // The log is poisoned: the next write reports it.
                } finally {
                    reservationRequested.set(false);
                }
            });
            if (!queued) {
                // Shutting down; a writer that runs out of reserve raises the mark itself.
                reservationRequested.set(false);
            }
        }
    }

    /** Stages a batch (in the append section): validating writers see it, readers do not yet. */
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
     * Returns once every staged write up to {@code lsn} is visible: applies the queued batches whose WAL
     * records are written (forced, where they asked for it) in LSN order, and forces for the first
     * one that waits for it.
     *
     * @throws GlenStorageException when the log is poisoned first (the batches then never show)
     */
    private void awaitVisible(long lsn) {
        Deferred head;
        while ((head = deferred.peek()) != null && head.lsn() <= lsn) {
            Deferred waiting = null;
            publishLock.lock();
            try {
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
            if (waiting != null && waiting.lsn() <= lsn) {
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

    private void apply(List<Mutation> mutations, long lsn, @Nullable List<DocumentChange> changes) {
        for (Mutation m : mutations) {
            if (m.op() == WalOp.PUT) {
                byte[] encoded = m.encoded();
                CollectionStore store = m.store();
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
                CollectionStore store = m.store();
                StoredDoc removed = store.remove(m.id());
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
     * Creates an index and fills it from the collection's documents with every writer stopped
     * (writers wait while it builds; readers do not). Creating an index that exists with the same paths
     * does nothing.
     *
     * @return whether a new index was created
     * @throws IllegalArgumentException when an index of that name exists with other paths
     */
    public boolean createIndex(String collection, IndexDefinition definition) {
        locks.lockAll();
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
            locks.unlockAll();
        }
    }

    /** Drops an index; returns whether it existed. */
    public boolean dropIndex(String collection, String name) {
        locks.lockAll();
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
            locks.unlockAll();
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
     * deleted it or there is none: what a guard validates against (call holding its lock stripe).
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
     * Runs {@code action} with every writer stopped, then makes every write up to the last assigned LSN
     * visible and returns that LSN: no write is in its critical section meanwhile and every write
     * up to it is in the maps (used to cut consistent snapshot boundaries; {@code action} rotates
     * the WAL, which forces it, so no staged batch waits long).
     */
    public long withWritersStopped(Runnable action) {
        locks.lockAll();
        try {
            ensureOpen();
            action.run();
            awaitVisible(lastLsn);
            return lastLsn;
        } finally {
            locks.unlockAll();
        }
    }

    /** Marks the store closed and waits for any write in its critical section. */
    public void close() {
        locks.lockAll();
        try {
            closed = true;
        } finally {
            locks.unlockAll();
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
