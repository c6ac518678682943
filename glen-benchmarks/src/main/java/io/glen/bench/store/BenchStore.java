package io.glen.bench.store;

import io.glen.bench.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One store under test, reduced to the operations the workloads need. Documents are addressed by
 * number {@code n} and id {@code key} (= {@code Keys.key(n)}): string-keyed stores use the id,
 * Nitrite uses the number as its {@code NitriteId}. Reads return the store's own form of the
 * document (Glen's shared {@code Value}, Nitrite's {@code Document}, a decoded {@link Doc} for the
 * byte stores); writes take a {@link Doc} and convert it inside the call.
 */
public interface BenchStore extends AutoCloseable {

    /** Inserts or replaces a document. */
    void put(long n, String key, Doc doc);

    /** The document, or null. */
    Object get(long n, String key);

    /** The documents that exist among the given ones, in request order. */
    List<?> getMany(long[] ns, String[] keys);

    /**
     * A single-document transaction: reads the document, then replaces it with {@code doc} so that
     * the write fails (returns false) if another writer changed it in between.
     */
    boolean txnUpdate(long n, String key, Doc doc);

    /** Loads documents {@code 0..count-1} of a data set of {@code count} documents, fastest way. */
    default void load(long count) {
        for (long i = 0; i < count; i++) {
            Doc d = Doc.generate(i, count);
            put(i, d.id(), d);
        }
        flush();
    }

    /** Makes everything written so far durable as the store's mode allows (after a bulk load). */
    default void flush() {
    }

    /** Creates (before {@link #load}) the indexes for {@link #findByCategory} and {@link #findScoreRange}. */
    default void createIndexes() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no secondary indexes");
    }

    /** The documents whose category equals {@code category}. */
    default List<?> findByCategory(String category) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no secondary indexes");
    }

    /** The documents with {@code low <= score < high}. */
    default List<?> findScoreRange(long low, long high) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no secondary indexes");
    }

    /** The number of documents (verification). */
    long size();

    /** Reads a document back as a {@link Doc} (verification). */
    Doc toDoc(Object stored);

    @Override
    void close();

    /** The documents of {@code keys} that {@code map} holds, in request order (for map-backed stores). */
    static List<Doc> getManyFrom(Map<String, Doc> map, String[] keys) {
        List<Doc> result = new ArrayList<>(keys.length);
        for (String key : keys) {
            Doc d = map.get(key);
            if (d != null) {
                result.add(d);
            }
        }
        return result;
    }
}
