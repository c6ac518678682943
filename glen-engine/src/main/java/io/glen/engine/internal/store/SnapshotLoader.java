package io.glen.engine.internal.store;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.internal.snapshot.SnapshotReader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.stream.IntStream;

/**
 * Turns a verified snapshot into a collection's map: the documents are parsed and inserted in
 * parallel chunks (the map is concurrent and pre-sized), so a large collection loads on every core.
 *
 * <p>One repetition of an id is accepted, as before: earlier builds could list an id deleted and
 * put again during the snapshot twice, the newer copy written after the cut (which the WAL replay
 * covers); the newer copy is kept. Any other repetition is damage.
 */
final class SnapshotLoader {

    /** Below this many documents one thread loads (the fork costs more than it saves). */
    private static final int PARALLEL_THRESHOLD = 50_000;
    private static final int CHUNK = 16_384;

    private SnapshotLoader() {
    }

    /** The documents of {@code loaded} in a new map, and the highest version among them. */
    record Result(ConcurrentHashMap<String, StoredDoc> documents, long maxVersion) {
    }

    static Result load(SnapshotReader.Loaded loaded) {
        int count = loaded.count();
        ConcurrentHashMap<String, StoredDoc> documents = new ConcurrentHashMap<>(Math.max(16, count * 4 / 3 + 1));
        LongAccumulator maxVersion = new LongAccumulator(Math::max, 0);
        SnapshotReader.DocumentSink sink = (id, version, encoded) -> {
            StoredDoc doc = new StoredDoc(version, encoded);
            StoredDoc twice = documents.putIfAbsent(id, doc);
            if (twice != null) {
                if (twice.version() == version || Math.max(twice.version(), version) <= loaded.coveredLsn()) {
                    throw new GlenCorruptionException("snapshot holds document id '" + id + "' twice", loaded.path(),
                            -1);
                }
                documents.merge(id, doc, (a, b) -> a.version() >= b.version() ? a : b);
            }
            maxVersion.accumulate(version);
        };
        int chunks = (count + CHUNK - 1) / CHUNK;
        if (count < PARALLEL_THRESHOLD) {
            loaded.documents(0, count, sink);
        } else {
            IntStream.range(0, chunks).parallel()
                    .forEach(c -> loaded.documents(c * CHUNK, Math.min(count, (c + 1) * CHUNK), sink));
        }
        return new Result(documents, maxVersion.get());
    }
}
