package io.glen.bench.jmh;

import io.glen.bench.BenchDirs;
import io.glen.bench.Keys;
import io.glen.bench.store.BenchStore;
import io.glen.bench.store.Durability;
import io.glen.bench.store.Stores;
import java.nio.file.Path;

/**
 * A store opened in a temporary directory and loaded with {@code keys} documents; the benchmark
 * states wrap it so that each declares its own list of stores.
 */
final class LoadedStore {

    final BenchStore store;
    final Path dir;
    final String[] keys;

    LoadedStore(String name, Durability durability, int keys, long capacity) {
        this.dir = BenchDirs.create(name);
        this.store = Stores.open(name, dir, durability, capacity);
        this.keys = Keys.table(keys);
        if (keys > 0) {
            store.load(keys);
        }
    }

    void close() {
        try {
            store.close();
        } finally {
            BenchDirs.delete(dir);
        }
    }
}
