package io.glen.bench.store;

import static org.dizitart.no2.filters.FluentFilter.where;

import io.glen.bench.Doc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dizitart.no2.Nitrite;
import org.dizitart.no2.collection.Document;
import org.dizitart.no2.collection.NitriteCollection;
import org.dizitart.no2.collection.NitriteId;
import org.dizitart.no2.index.IndexOptions;
import org.dizitart.no2.index.IndexType;
import org.dizitart.no2.mvstore.MVStoreModule;
import org.dizitart.no2.transaction.Session;
import org.dizitart.no2.transaction.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * Nitrite 4 on its MVStore backend with auto-commit on (its default) plus an explicit
 * {@code commit()} every second, the {@code INTERVAL} class; ({@code ALWAYS} is not offered:
 * Nitrite's commit does not force the file). Documents are Nitrite {@code Document}s whose
 * {@code _id} is the document number, written with {@code update(doc, insertIfAbsent)} and read
 * with {@code getById}; indexes are Nitrite's non-unique indexes; transactions are Nitrite
 * sessions.
 */
public final class NitriteStore implements BenchStore {

    private final Nitrite db;
    private final NitriteCollection collection;
    private final @Nullable PeriodicCommitter committer;
    private @Nullable Session session;

    NitriteStore(Path dir, Durability durability) {
        if (durability == Durability.ALWAYS) {
            throw new UnsupportedOperationException("Nitrite's commit does not fsync; no sync=always setting");
        }
        MVStoreModule module = MVStoreModule.withConfig()
                .filePath(dir.resolve("nitrite.db").toFile())
                .autoCommit(true)
                .cacheSize(MvStoreStore.CACHE_MB)
                .build();
        this.db = Nitrite.builder().loadModule(module).openOrCreate();
        this.collection = db.getCollection("docs");
        this.committer = new PeriodicCommitter("nitrite", db::commit);
    }

    static Document toDocument(long n, Doc d) {
        Document doc = Document.createDocument("_id", n + 1); // Nitrite keeps _id as a Long
        doc.put("id", d.id());
        doc.put("name", d.name());
        doc.put("email", d.email());
        doc.put("city", d.city());
        doc.put("category", d.category());
        doc.put("age", d.age());
        doc.put("score", d.score());
        doc.put("balance", d.balance());
        doc.put("active", d.active());
        doc.put("created", d.created());
        return doc;
    }

    @Override
    public void put(long n, String key, Doc doc) {
        collection.update(toDocument(n, doc), true);
    }

    @Override
    public Object get(long n, String key) {
        return collection.getById(NitriteId.createId(n + 1));
    }

    @Override
    public List<?> getMany(long[] ns, String[] keys) {
        List<Document> result = new ArrayList<>(ns.length);
        for (long n : ns) {
            Document d = collection.getById(NitriteId.createId(n + 1));
            if (d != null) {
                result.add(d);
            }
        }
        return result;
    }

    /** A Nitrite transaction (one session reused; the transaction benchmark is single-threaded). */
    @Override
    public boolean txnUpdate(long n, String key, Doc doc) {
        if (session == null) {
            session = db.createSession();
        }
        try (Transaction tx = session.beginTransaction()) {
            NitriteCollection c = tx.getCollection("docs");
            c.getById(NitriteId.createId(n + 1));
            c.update(toDocument(n, doc), true);
            tx.commit();
            return true;
        }
    }

    @Override
    public void load(long count) {
        List<Document> batch = new ArrayList<>(1000);
        for (long i = 0; i < count; i++) {
            batch.add(toDocument(i, Doc.generate(i, count)));
            if (batch.size() == 1000) {
                collection.insert(batch.toArray(new Document[0]));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insert(batch.toArray(new Document[0]));
        }
        db.commit();
    }

    @Override
    public void flush() {
        db.commit();
    }

    @Override
    public void createIndexes() {
        collection.createIndex(IndexOptions.indexOptions(IndexType.NON_UNIQUE), "category");
        collection.createIndex(IndexOptions.indexOptions(IndexType.NON_UNIQUE), "score");
    }

    @Override
    public List<?> findByCategory(String category) {
        return collection.find(where("category").eq(category)).toList();
    }

    @Override
    public List<?> findScoreRange(long low, long high) {
        return collection.find(where("score").between(low, high, true, false)).toList();
    }

    @Override
    public long size() {
        return collection.size();
    }

    @Override
    public Doc toDoc(Object stored) {
        Document d = (Document) stored;
        return new Doc(d.get("id", String.class), d.get("name", String.class), d.get("email", String.class),
                d.get("city", String.class), d.get("category", String.class), d.get("age", Long.class),
                d.get("score", Long.class), d.get("balance", Double.class), d.get("active", Boolean.class),
                d.get("created", Long.class));
    }

    @Override
    public void close() {
        committer.close();
        if (session != null) {
            session.close();
        }
        db.commit();
        db.close();
    }
}
