package io.glen.bench.store;

import io.glen.bench.Doc;
import io.glen.engine.CommitResult;
import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.Txn;
import io.glen.engine.WalSyncMode;
import io.glen.engine.query.Filter;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glen with default options except the sync mode, {@code INTERVAL} (force every 8 MiB and every
 * second; every write handed to the OS before it returns) or {@code ALWAYS}, and the value cache's
 * budget: {@link Stores#CACHE_BYTES} in the throughput and query workloads (the budget MVStore and
 * Nitrite get for their page caches, so every store can hold the hot set, as the rules require),
 * the default 64 MiB in the heap measurement, 0 as {@code glen-nocache}.
 */
public final class GlenStore implements BenchStore {

    static final String COLLECTION = "docs";

    private final GlenDB db;

    GlenStore(Path dir, Durability durability, long cacheBytes) {
        this.db = GlenDB.open(dir, GlenOptions.builder()
                .walSync(durability == Durability.ALWAYS ? WalSyncMode.ALWAYS : WalSyncMode.INTERVAL)
                .cacheCapacityBytes(cacheBytes)
                .build());
    }

    /** The database (recovery benchmark, verification). */
    public GlenDB db() {
        return db;
    }

    @Override
    public void put(long n, String key, Doc doc) {
        db.put(COLLECTION, key, doc.toValue());
    }

    @Override
    public Object get(long n, String key) {
        return db.get(COLLECTION, key);
    }

    @Override
    public List<?> getMany(long[] ns, String[] keys) {
        return new ArrayList<>(db.getMany(COLLECTION, Arrays.asList(keys)).values());
    }

    @Override
    public boolean txnUpdate(long n, String key, Doc doc) {
        try (Txn txn = db.beginTxn()) {
            txn.get(COLLECTION, key);
            txn.put(COLLECTION, key, doc.toValue());
            CommitResult result = txn.commit();
            return result.committed();
        }
    }

    @Override
    public void load(long count) {
        Map<String, Value> batch = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            Doc d = Doc.generate(i, count);
            batch.put(d.id(), d.toValue());
            if (batch.size() == 1000) {
                db.putMany(COLLECTION, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            db.putMany(COLLECTION, batch);
        }
    }

    @Override
    public void createIndexes() {
        db.createIndex(COLLECTION, "by_category", "category");
        db.createIndex(COLLECTION, "by_score", "score");
    }

    @Override
    public List<?> findByCategory(String category) {
        return db.findBy(COLLECTION, "by_category", Value.of(category));
    }

    @Override
    public List<?> findScoreRange(long low, long high) {
        return db.query(COLLECTION).where(Filter.gte("score", low).and(Filter.lt("score", high))).list();
    }

    @Override
    public long size() {
        return db.count(COLLECTION);
    }

    @Override
    public Doc toDoc(Object stored) {
        return Doc.fromValue(stored instanceof Document d ? d.value() : (Value) stored);
    }

    @Override
    public void close() {
        db.close();
    }
}
