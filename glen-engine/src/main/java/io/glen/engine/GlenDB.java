package io.glen.engine;

import io.glen.engine.store.Checkpointer;
import io.glen.engine.store.CollectionStore;
import io.glen.engine.store.DataStore;
import io.glen.engine.store.DatabaseRecovery;
import io.glen.engine.store.Mutation;
import io.glen.engine.store.StoredDoc;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
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
 * batch), visible to readers when the call returns, and durable as {@link WalSyncMode} says.
 * A document's version is the log sequence number of the write that produced it: it grows with
 * every change and is never reused, not even after a delete and re-create.
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
    private final ScheduledExecutorService walTimer;
    private final long recoveredRecords;
    private final long recoveryTruncatedBytes;
    private final long recoverySalvagedBytes;
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
        this.walTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "glen-wal-sync");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, options.walFlushInterval().toMillis());
        walTimer.scheduleWithFixedDelay(this::timedSync, period, period, TimeUnit.MILLISECONDS);
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
            options.storageFiles().createDirectories(absolute);
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
        Names.checkCollection(collection);
        Names.checkDocId(docId);
        Objects.requireNonNull(value, "value must not be null; use Value.NULL");
        byte[] encoded = ValueCodec.encode(value, options.maxDocumentBytes());
        List<Mutation> batch = List.of(Mutation.put(collection, docId, encoded, value));
        return store.write(batch, DataStore.encode(batch), DataStore.BatchGuard.ALL);
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
        List<Mutation> batch = new ArrayList<>(documents.size());
        for (Map.Entry<String, Value> entry : documents.entrySet()) {
            Names.checkDocId(entry.getKey());
            Value value = Objects.requireNonNull(entry.getValue(), "values must not be null; use Value.NULL");
            batch.add(Mutation.put(collection, entry.getKey(), ValueCodec.encode(value, options.maxDocumentBytes()), value));
        }
        if (batch.isEmpty()) {
            return 0;
        }
        return store.write(batch, DataStore.encode(batch), DataStore.BatchGuard.ALL);
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
        if (store.stored(collection, docId) == null) {
            return false;
        }
        List<Mutation> batch = List.of(Mutation.delete(collection, docId));
        return store.write(batch, DataStore.encode(batch), DataStore::presentOnly) != 0;
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
        List<Mutation> batch = new ArrayList<>(unique.size());
        for (String id : unique) {
            batch.add(Mutation.delete(collection, id));
        }
        int[] deleted = new int[1];
        store.write(batch, null, (s, proposed) -> {
            List<Mutation> present = DataStore.presentOnly(s, proposed);
            deleted[0] = present.size();
            return present;
        });
        return deleted[0];
    }

    // ------------------------------------------------------------------ reads

    /** The document's value, or {@code null} when absent. The value is shared and immutable. */
    public @Nullable Value get(String collection, String docId) {
        ensureOpen();
        StoredDoc doc = store.stored(Names.checkCollection(collection), Names.checkDocId(docId));
        return doc == null ? null : store.cache().get(collection, docId, doc);
    }

    /** The document with its version, or {@code null} when absent. */
    public @Nullable Document getDocument(String collection, String docId) {
        ensureOpen();
        StoredDoc doc = store.stored(Names.checkCollection(collection), Names.checkDocId(docId));
        return doc == null ? null
                : new Document(collection, docId, doc.version(), store.cache().get(collection, docId, doc));
    }

    /** The values of the given ids that exist, in request order (duplicates once). */
    public Map<String, Value> getMany(String collection, Collection<String> docIds) {
        ensureOpen();
        Names.checkCollection(collection);
        Map<String, Value> result = new LinkedHashMap<>();
        CollectionStore cs = store.existingCollection(collection);
        for (String id : docIds) {
            Names.checkDocId(id);
            StoredDoc doc = cs == null ? null : cs.get(id);
            if (doc != null && !result.containsKey(id)) {
                result.put(id, store.cache().get(collection, id, doc));
            }
        }
        return result;
    }

    /** Every document of a collection, sorted by id. For large collections prefer {@link #stream}. */
    public Map<String, Value> getAll(String collection) {
        Map<String, Value> result = new TreeMap<>();
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
                entry.getValue().version(), store.cache().get(collection, entry.getKey(), entry.getValue())));
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

    // ------------------------------------------------------------------ maintenance

    /** Writes a snapshot of every collection; returns the LSN they cover. */
    public long snapshotAll() {
        ensureOpen();
        return checkpointer.snapshotAll();
    }

    /**
     * Snapshots every collection and deletes the WAL segments they cover. Runs online: writers
     * continue meanwhile. Returns the LSN the snapshots cover.
     */
    public long compact() {
        ensureOpen();
        return checkpointer.compact();
    }

    /** Whether a snapshot, compaction or backup is running. */
    public boolean isCompacting() {
        return checkpointer.isRunning();
    }

    /**
     * Writes a consistent online copy of the database to {@code target} (which must not exist).
     * Restore by opening that directory.
     */
    public void backup(Path target) {
        ensureOpen();
        Objects.requireNonNull(target, "target must not be null");
        checkpointer.backup(target);
    }

    /** Changes the WAL sync policy at runtime. */
    public void setWalSync(WalSyncMode mode, long flushEveryBytes) {
        ensureOpen();
        Objects.requireNonNull(mode, "mode must not be null");
        if (flushEveryBytes <= 0) {
            throw new IllegalArgumentException("flushEveryBytes must be positive: " + flushEveryBytes);
        }
        store.wal().setSyncMode(mode, flushEveryBytes);
    }

    /** Changes the cache capacity (estimated heap bytes) at runtime; 0 disables the cache. */
    public void setCacheCapacity(long bytes) {
        ensureOpen();
        store.cache().setCapacity(bytes);
    }

    /** The cache statistics. */
    public CacheStats cacheStats() {
        return store.cache().stats();
    }

    /** Total bytes of the WAL segments. */
    public long walTotalSize() {
        return store.wal().totalSize();
    }

    /**
     * Whether the database accepts writes: open and the WAL not poisoned by an I/O failure.
     */
    public boolean isWritable() {
        return !closed && !store.wal().isPoisoned();
    }

    /** Why the WAL refuses writes, or null when it does not. */
    public @Nullable Throwable walFailure() {
        return store.wal().poisonCause();
    }

    /** The statistics of the database. */
    public GlenStats stats() {
        Map<String, Long> counts = new TreeMap<>();
        store.collections().forEach((name, cs) -> counts.put(name, (long) cs.size()));
        return new GlenStats(counts, store.lastLsn(), store.wal().durableLsn(), store.wal().syncMode(),
                store.wal().totalSize(), store.wal().segmentCount(), store.wal().syncCount(), store.puts(),
                store.deletes(), store.batches(), checkpointer.lastSnapshotAt(), checkpointer.lastSnapshotLsn(),
                checkpointer.lastCompactionAt(), checkpointer.lastCompactionDuration(), recoveredRecords,
                recoveryTruncatedBytes, recoverySalvagedBytes, store.cache().stats());
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
            stopWalTimer();
            checkpointer.shutdown();
            try {
                store.close();
                store.wal().close();
            } finally {
                store.cache().clear();
                try {
                    directoryLock.close();
                } catch (IOException e) {
                    throw new GlenStorageException("releasing the lock on " + dir + " failed: " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Stops the interval timer and waits for a running timed force to finish. Not shutdownNow():
     * interrupting the timer inside FileChannel.force would close the log file under it, poison
     * the log and skip the final force of close().
     */
    private void stopWalTimer() {
        walTimer.shutdown();
        boolean interrupted = false;
        try {
            while (!walTimer.isTerminated()) {
                try {
                    walTimer.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void timedSync() {
        if (closed || store.wal().syncMode() != WalSyncMode.INTERVAL || store.wal().isPoisoned()) {
            return;
        }
        try {
            store.wal().flushAndForce();
        } catch (GlenException e) {
            // The log is now poisoned; writers see the failure on their next write.
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new GlenClosedException("the database at " + dir + " is closed");
        }
    }

    @Override
    public String toString() {
        return "GlenDB[" + dir + (closed ? ", closed" : "") + "]";
    }
}
