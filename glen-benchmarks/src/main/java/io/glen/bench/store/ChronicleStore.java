package io.glen.bench.store;

import io.glen.bench.Doc;
import io.glen.bench.DocCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/**
 * Chronicle Map persisted to a memory-mapped file: a write lands in the shared mapping (the page
 * cache) at once, so it survives a JVM crash, and the OS writes it back; there is no fsync API, so
 * it is in the {@code INTERVAL} class (really Glen's {@code NONE}) and has no {@code ALWAYS}
 * setting. Values are {@link DocCodec} bytes; the map is sized up front ({@code entries}). No
 * secondary indexes and no transactions: a single-document update is a read and a
 * compare-and-replace.
 */
public final class ChronicleStore implements BenchStore {

    static {
        // Chronicle libraries report usage to an analytics service on start-up unless told not to;
        // a benchmark must not send anything anywhere.
        System.setProperty("chronicle.analytics.disable", "true");
    }

    private final ChronicleMap<String, byte[]> map;

    ChronicleStore(Path dir, Durability durability, long capacity) {
        if (durability == Durability.ALWAYS) {
            throw new UnsupportedOperationException("Chronicle Map has no fsync; no sync=always setting");
        }
        try {
            this.map = ChronicleMapBuilder.of(String.class, byte[].class)
                    .name("docs")
                    .entries(Math.max(capacity, 10_000))
                    .averageKeySize(8)
                    .averageValueSize(130)
                    .maxBloatFactor(2.0)
                    .createPersistedTo(dir.resolve("chronicle.dat").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(long n, String key, Doc doc) {
        map.put(key, DocCodec.encode(doc));
    }

    @Override
    public Object get(long n, String key) {
        byte[] bytes = map.get(key);
        return bytes == null ? null : DocCodec.decode(bytes);
    }

    @Override
    public List<?> getMany(long[] ns, String[] keys) {
        List<Doc> result = new ArrayList<>(keys.length);
        for (String key : keys) {
            byte[] bytes = map.get(key);
            if (bytes != null) {
                result.add(DocCodec.decode(bytes));
            }
        }
        return result;
    }

    @Override
    public boolean txnUpdate(long n, String key, Doc doc) {
        byte[] old = map.get(key);
        byte[] fresh = DocCodec.encode(doc);
        return old == null ? map.putIfAbsent(key, fresh) == null : map.replace(key, old, fresh);
    }

    @Override
    public long size() {
        return map.longSize();
    }

    @Override
    public Doc toDoc(Object stored) {
        return (Doc) stored;
    }

    @Override
    public void close() {
        map.close();
    }
}
