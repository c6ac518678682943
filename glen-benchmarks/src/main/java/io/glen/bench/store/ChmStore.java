package io.glen.bench.store;

import io.glen.bench.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory ceiling: a {@code ConcurrentHashMap} of the {@link Doc} objects; no durability, no copy. */
public final class ChmStore implements BenchStore {

    private final ConcurrentHashMap<String, Doc> map = new ConcurrentHashMap<>();

    @Override
    public void put(long n, String key, Doc doc) {
        map.put(key, doc);
    }

    @Override
    public Object get(long n, String key) {
        return map.get(key);
    }

    @Override
    public List<?> getMany(long[] ns, String[] keys) {
        return BenchStore.getManyFrom(map, keys);
    }

    @Override
    public boolean txnUpdate(long n, String key, Doc doc) {
        Doc old = map.get(key);
        return old == null ? map.putIfAbsent(key, doc) == null : map.replace(key, old, doc);
    }

    @Override
    public long size() {
        return map.size();
    }

    @Override
    public Doc toDoc(Object stored) {
        return (Doc) stored;
    }

    @Override
    public void close() {
        map.clear();
    }
}
