package io.glen.bench.jmh;

import io.glen.bench.BenchDirs;
import io.glen.bench.Keys;
import io.glen.bench.store.BenchStore;
import io.glen.bench.store.Durability;
import io.glen.bench.store.Stores;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Insert of new ~10-field documents, one thread, interval-class durability. Every iteration starts
 * from an empty store in a fresh directory so that the store's size stays bounded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PutInsertBench {

    @State(Scope.Benchmark)
    public static class Fresh {
        @Param({"glen", "mapdb", "mvstore", "nitrite", "chronicle", "chm"})
        public String store;

        BenchStore s;
        Path dir;
        final AtomicLong next = new AtomicLong();

        @Setup(Level.Iteration)
        public void open() {
            dir = BenchDirs.create("insert-" + store);
            s = Stores.open(store, dir, Durability.INTERVAL, 12_000_000);
            next.set(0);
        }

        @TearDown(Level.Iteration)
        public void close() {
            try {
                s.close();
            } finally {
                BenchDirs.delete(dir);
            }
        }
    }

    @Benchmark
    public void insert(Fresh f) {
        long i = f.next.getAndIncrement();
        f.s.put(i, Keys.key(i), Docs.pool(i));
    }
}
