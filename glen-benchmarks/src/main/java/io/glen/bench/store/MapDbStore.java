package io.glen.bench.store;

import io.glen.bench.Doc;
import io.glen.bench.DocCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import org.jspecify.annotations.Nullable;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

/**
 * MapDB 3: a file store, memory-mapped where supported, with its write-ahead log
 * ({@code transactionEnable}) so that it recovers to the last commit after a crash.
 * {@code INTERVAL}: a background commit every second (MapDB's commit forces the log). {@code ALWAYS}:
 * commit after every write. Documents live in an {@code HTreeMap<String, Doc>} with a compact
 * serializer; the indexes are {@code treeSet}s of {@code value \0 id}.
 */
public final class MapDbStore implements BenchStore {

    /** Serializes {@link Doc} with {@link DocCodec}. */
    static final Serializer<Doc> DOC = new Serializer<>() {
        @Override
        public void serialize(DataOutput2 out, Doc value) throws IOException {
            out.write(DocCodec.encode(value));
        }

        @Override
        public Doc deserialize(DataInput2 in, int available) throws IOException {
            byte[] bytes = new byte[available];
            in.readFully(bytes);
            return DocCodec.decode(bytes);
        }
    };

    private final DB db;
    private final HTreeMap<String, Doc> map;
    private final Durability durability;
    private final @Nullable PeriodicCommitter committer;
    private @Nullable NavigableSet<String> byCategory;
    private @Nullable NavigableSet<String> byScore;

    MapDbStore(Path dir, Durability durability) {
        this.durability = durability;
        this.db = DBMaker.fileDB(dir.resolve("mapdb.db").toFile())
                .fileMmapEnableIfSupported()
                .transactionEnable()
                .make();
        this.map = db.hashMap("docs", Serializer.STRING, DOC).createOrOpen();
        this.committer = durability == Durability.INTERVAL ? new PeriodicCommitter("mapdb", db::commit) : null;
    }

    @Override
    public void put(long n, String key, Doc doc) {
        if (byCategory != null) {
            Doc old = map.put(key, doc);
            if (old != null) {
                byCategory.remove(IndexKeys.category(old.category(), key));
                byScore.remove(IndexKeys.score(old.score(), key));
            }
            byCategory.add(IndexKeys.category(doc.category(), key));
            byScore.add(IndexKeys.score(doc.score(), key));
        } else {
            map.put(key, doc);
        }
        if (durability == Durability.ALWAYS) {
            db.commit();
        }
    }

    @Override
    public Object get(long n, String key) {
        return map.get(key);
    }

    @Override
    public List<?> getMany(long[] ns, String[] keys) {
        return BenchStore.getManyFrom(map, keys);
    }

    /** MapDB has no per-document transactions: the nearest is a read and a compare-and-replace. */
    @Override
    public boolean txnUpdate(long n, String key, Doc doc) {
        Doc old = map.get(key);
        boolean done = old == null ? map.putIfAbsent(key, doc) == null : map.replace(key, old, doc);
        if (durability == Durability.ALWAYS) {
            db.commit();
        }
        return done;
    }

    @Override
    public void flush() {
        db.commit();
    }

    @Override
    public void createIndexes() {
        byCategory = db.treeSet("byCategory", Serializer.STRING).createOrOpen();
        byScore = db.treeSet("byScore", Serializer.STRING).createOrOpen();
    }

    @Override
    public List<?> findByCategory(String category) {
        List<Doc> result = new ArrayList<>();
        for (String k : byCategory.subSet(IndexKeys.categoryLow(category), IndexKeys.categoryHigh(category))) {
            result.add(map.get(IndexKeys.idOf(k)));
        }
        return result;
    }

    @Override
    public List<?> findScoreRange(long low, long high) {
        List<Doc> result = new ArrayList<>();
        for (String k : byScore.subSet(IndexKeys.pad(low), IndexKeys.pad(high))) {
            result.add(map.get(IndexKeys.idOf(k)));
        }
        return result;
    }

    @Override
    public long size() {
        return map.sizeLong();
    }

    @Override
    public Doc toDoc(Object stored) {
        return (Doc) stored;
    }

    @Override
    public void close() {
        if (committer != null) {
            committer.close();
        }
        db.commit();
        db.close();
    }
}
