package io.glen.engine.internal.store;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenOptions;
import io.glen.engine.GlenStorageException;
import io.glen.engine.Names;
import io.glen.engine.internal.events.ChangeHub;
import io.glen.engine.internal.index.IndexCatalog;
import io.glen.engine.index.IndexDefinition;
import io.glen.engine.internal.index.SecondaryIndex;
import io.glen.engine.io.StorageFiles;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.util.Map;
import io.glen.engine.internal.snapshot.SnapshotFile;
import io.glen.engine.internal.snapshot.SnapshotReader;
import io.glen.engine.internal.wal.LsnHighWaterMark;
import io.glen.engine.internal.wal.WalEntry;
import io.glen.engine.internal.wal.WalOp;
import io.glen.engine.internal.wal.WalRecord;
import io.glen.engine.internal.wal.WalRecovery;
import io.glen.engine.internal.wal.WalWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a {@link DataStore} from a directory: removes stray temporary files, loads and verifies
 * every snapshot, replays the WAL with idempotent redo, cuts a torn tail, and opens the WAL for
 * appending.
 */
public final class DatabaseRecovery {

    /** Collections at least this large rebuild their indexes on several threads. */
    private static final long PARALLEL_INDEX_THRESHOLD = 10_000;

    private DatabaseRecovery() {
    }

    /**
     * The recovered store and what recovery found.
     *
     * @param store the ready store
     * @param wal what the WAL scan found
     */
    public record Recovered(DataStore store, WalRecovery.Result wal) {
    }

    /** Recovers the database in {@code dir} (which the caller has locked). */
    public static Recovered recover(Path dir, GlenOptions options) {
        StorageFiles files = options.storageFiles();
        List<String> names;
        try {
            names = files.list(dir);
            for (String name : names) {
                if (name.endsWith(SnapshotFile.TEMP_SUFFIX)) {
                    files.deleteIfExists(dir.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new GlenStorageException("cannot read the database directory " + dir + ": " + e.getMessage(), e);
        }

        ConcurrentHashMap<String, CollectionStore> collections = new ConcurrentHashMap<>();
        long maxLsn = 0;
        long minCovered = Long.MAX_VALUE;
        for (String name : names) {
            String collection = SnapshotFile.collectionOf(name);
            if (collection == null || name.endsWith(SnapshotFile.TEMP_SUFFIX)) {
                continue;
            }
            Path path = dir.resolve(name);
            try {
                Names.checkCollection(collection);
            } catch (IllegalArgumentException e) {
                throw new GlenCorruptionException("snapshot file name is not a valid collection: " + e.getMessage(), path, -1);
            }
            SnapshotReader.Loaded loaded;
            try {
                loaded = SnapshotReader.read(files, path, collection);
            } catch (IOException e) {
                throw new GlenStorageException("cannot read snapshot " + path + ": " + e.getMessage(), e);
            }
            SnapshotLoader.Result docs;
            try (loaded) {
                docs = SnapshotLoader.load(loaded);
            }
            maxLsn = Math.max(maxLsn, Math.max(docs.maxVersion(), loaded.coveredLsn()));
            minCovered = Math.min(minCovered, loaded.coveredLsn());
            collections.put(collection, new CollectionStore(collection, docs.documents(), loaded.coveredLsn()));
        }

        WalRecovery.Result result = WalRecovery.recover(files, dir, options.salvageCorruptWal(),
                minCovered == Long.MAX_VALUE ? 0 : minCovered, record -> redo(collections, record, dir));
        long lastLsn = Math.max(maxLsn, result.lastLsn());
        // What readers see: a skip at the end of the log (written by an open that crashed before
        // any write) moves the numbering on, not the data.
        long visibleLsn = Math.max(maxLsn, result.lastBatchLsn());
        IndexCatalog catalog = new IndexCatalog(files, dir);
        Map<String, List<IndexDefinition>> definitions;
        try {
            definitions = catalog.load();
        } catch (IOException e) {
            throw new GlenStorageException("cannot read the index catalog in " + dir + ": " + e.getMessage(), e);
        }
        buildIndexes(collections, definitions);
        LsnHighWaterMark highWater;
        try {
            highWater = LsnHighWaterMark.open(files, dir);
        } catch (IOException e) {
            throw new GlenStorageException("cannot open the LSN high-water mark in " + dir + ": " + e.getMessage(), e);
        }
        WalWriter wal = null;
        try {
            wal = WalWriter.open(files, dir, result, lastLsn, options.walSegmentBytes(), options.walSync(),
                    options.walFlushEveryBytes(), options.walMemoryMapped(), options.walBackgroundForce(),
                    options.walFlushInterval());
            long continueAt = lastLsn;
            if (highWater.mark() > lastLsn) {
                // LSNs up to the mark may have been seen before a crash took their writes back:
                // continue above it, and say so in the log, which otherwise counts a gap as loss.
                continueAt = highWater.mark();
                wal.appendSkip(continueAt, lastLsn);
            }
            ValueCache cache = new ValueCache(options.cacheCapacityBytes());
            ChangeHub hub = new ChangeHub(options.maxQueuedChanges());
            DataStore store = new DataStore(collections, cache, wal, catalog, hub, highWater, visibleLsn, continueAt);
            if (options.walBackgroundForce()) {
                store.reserveInBackground();
            }
            store.reserveFor(options.walSync());
            return new Recovered(store, result);
        } catch (RuntimeException | Error e) {
            if (wal != null) {
                try {
                    wal.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            try {
                highWater.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Indexes are not persisted, only their definitions: each is rebuilt from the documents. */
    private static void buildIndexes(ConcurrentHashMap<String, CollectionStore> collections,
                                     Map<String, List<IndexDefinition>> definitions) {
        definitions.forEach((collection, list) -> {
            CollectionStore store = collections.computeIfAbsent(collection, CollectionStore::new);
            List<SecondaryIndex> indexes = new java.util.ArrayList<>();
            for (IndexDefinition definition : list) {
                indexes.add(new SecondaryIndex(definition));
            }
            // Index updates of different documents may run concurrently: rebuild in parallel.
            store.documents().forEach(PARALLEL_INDEX_THRESHOLD, (id, doc) -> {
                Value value = ValueCodec.decode(doc.encoded());
                for (SecondaryIndex index : indexes) {
                    index.update(id, value);
                }
            });
            indexes.forEach(store::addIndex);
        });
    }

    private static void redo(ConcurrentHashMap<String, CollectionStore> collections, WalRecord record, Path dir) {
        for (WalEntry entry : record.entries()) {
            CollectionStore store = collections.get(entry.collection());
            if (store == null) {
                try {
                    Names.checkCollection(entry.collection());
                } catch (IllegalArgumentException e) {
                    throw new GlenCorruptionException("WAL record LSN " + record.lsn()
                            + " names an invalid collection: " + e.getMessage(), dir, -1);
                }
                store = collections.computeIfAbsent(entry.collection(), CollectionStore::new);
            }
            if (entry.op() == WalOp.PUT) {
                store.redoPut(entry.docId(), record.lsn(), entry.value());
            } else {
                store.redoDelete(entry.docId(), record.lsn());
            }
        }
    }
}
