package io.glen.bench.store;

import io.glen.bench.Doc;
import io.glen.bench.DocCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.StringDataType;
import org.jspecify.annotations.Nullable;

/**
 * H2 MVStore: a file store with its default background auto-commit (every second, or sooner when
 * the write buffer fills): that is {@code INTERVAL}. Page cache 256 MB, so the hot set stays cached. {@code ALWAYS}: {@code commit()} and
 * {@code sync()} after every write. Documents live in an {@code MVMap<String, Doc>} with a compact
 * data type (pages keep decoded objects in MVStore's cache); indexes are {@code MVMap}s keyed
 * {@code value \0 id}; transactions use MVStore's {@link TransactionStore}.
 */
public final class MvStoreStore implements BenchStore {

    /** {@link Doc} as an MVStore value type, encoded with {@link DocCodec}. */
    static final class DocType extends BasicDataType<Doc> {
        static final DocType INSTANCE = new DocType();

        @Override
        public int getMemory(Doc obj) {
            return 320;
        }

        @Override
        public void write(WriteBuffer buff, Doc obj) {
            byte[] bytes = DocCodec.encode(obj);
            buff.putVarInt(bytes.length).put(bytes);
        }

        @Override
        public Doc read(ByteBuffer buff) {
            byte[] bytes = new byte[DataUtils.readVarInt(buff)];
            buff.get(bytes);
            return DocCodec.decode(bytes);
        }

        @Override
        public Doc[] createStorage(int size) {
            return new Doc[size];
        }
    }

    /** MVStore page cache in MB (Nitrite uses the same). */
    static final int CACHE_MB = 256;

    private final MVStore store;
    private final MVMap<String, Doc> map;
    private final Durability durability;
    private @Nullable MVMap<String, String> byCategory;
    private @Nullable MVMap<String, String> byScore;
    private @Nullable TransactionStore txStore;

    MvStoreStore(Path dir, Durability durability) {
        this.durability = durability;
        // Page cache large enough for the benchmarks' hot set ("hot" reads must not go to the file);
        // the default is 16 MB.
        this.store = new MVStore.Builder().fileName(dir.resolve("mvstore.db").toString()).cacheSize(CACHE_MB).open();
        this.map = store.openMap("docs", new MVMap.Builder<String, Doc>()
                .keyType(StringDataType.INSTANCE).valueType(DocType.INSTANCE));
    }

    @Override
    public void put(long n, String key, Doc doc) {
        if (byCategory != null) {
            Doc old = map.put(key, doc);
            if (old != null) {
                byCategory.remove(IndexKeys.category(old.category(), key));
                byScore.remove(IndexKeys.score(old.score(), key));
            }
            byCategory.put(IndexKeys.category(doc.category(), key), "");
            byScore.put(IndexKeys.score(doc.score(), key), "");
        } else {
            map.put(key, doc);
        }
        if (durability == Durability.ALWAYS) {
            store.commit();
            store.sync();
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

    /**
     * MVStore's transaction API: begin, read and write through a {@link TransactionMap}, commit.
     * The transactional map ({@code txdocs}) is separate from the plain one; the transaction
     * benchmark preloads it through this method.
     */
    @Override
    public boolean txnUpdate(long n, String key, Doc doc) {
        TransactionStore ts = txStore();
        Transaction tx = ts.begin();
        try {
            TransactionMap<String, Doc> m = tx.openMap("txdocs", StringDataType.INSTANCE, DocType.INSTANCE);
            m.get(key);
            m.put(key, doc);
            tx.commit();
            if (durability == Durability.ALWAYS) {
                store.commit();
                store.sync();
            }
            return true;
        } catch (RuntimeException e) {
            tx.rollback();
            return false;
        }
    }

    private synchronized TransactionStore txStore() {
        if (txStore == null) {
            txStore = new TransactionStore(store);
            txStore.init();
        }
        return txStore;
    }

    @Override
    public void flush() {
        store.commit();
    }

    @Override
    public void createIndexes() {
        byCategory = store.openMap("byCategory", new MVMap.Builder<String, String>()
                .keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE));
        byScore = store.openMap("byScore", new MVMap.Builder<String, String>()
                .keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE));
    }

    @Override
    public List<?> findByCategory(String category) {
        return fetch(byCategory, IndexKeys.categoryLow(category), IndexKeys.categoryHigh(category));
    }

    @Override
    public List<?> findScoreRange(long low, long high) {
        return fetch(byScore, IndexKeys.pad(low), IndexKeys.pad(high));
    }

    private List<Doc> fetch(MVMap<String, String> index, String low, String highExclusive) {
        List<Doc> result = new ArrayList<>();
        Iterator<String> it = index.keyIterator(low);
        while (it.hasNext()) {
            String k = it.next();
            if (k.compareTo(highExclusive) >= 0) {
                break;
            }
            result.add(map.get(IndexKeys.idOf(k)));
        }
        return result;
    }

    @Override
    public long size() {
        return map.sizeAsLong();
    }

    @Override
    public Doc toDoc(Object stored) {
        return (Doc) stored;
    }

    @Override
    public void close() {
        if (txStore != null) {
            txStore.close();
        }
        store.close();
    }
}
