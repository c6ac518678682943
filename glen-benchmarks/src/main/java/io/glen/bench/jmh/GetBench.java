package io.glen.bench.jmh;

import io.glen.bench.store.Durability;
import java.util.concurrent.TimeUnit;
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
 * Hot reads by id over {@code keys} documents (all of them fit every store's cache): {@code get}
 * is one document, {@code getMany} a batch of 100 random ids (score = batches per second).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class GetBench {

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"glen", "mapdb", "mvstore", "nitrite", "chronicle", "chm"})
        public String store;

        @Param("100000")
        public int keys;

        LoadedStore s;

        @Setup(Level.Trial)
        public void open() {
            s = new LoadedStore(store, Durability.INTERVAL, keys, keys * 2L);
        }

        @TearDown(Level.Trial)
        public void close() {
            s.close();
        }
    }

    /** The ids of one batch, reused per thread. */
    @State(Scope.Thread)
    public static class Batch {
        final long[] ns = new long[100];
        final String[] ids = new String[100];
    }

    @Benchmark
    public Object get(Loaded l, ThreadRandom r) {
        int i = r.nextInt(l.keys);
        return l.s.store.get(i, l.s.keys[i]);
    }

    @Benchmark
    public Object getMany(Loaded l, ThreadRandom r, Batch b) {
        for (int k = 0; k < b.ns.length; k++) {
            int i = r.nextInt(l.keys);
            b.ns[k] = i;
            b.ids[k] = l.s.keys[i];
        }
        return l.s.store.getMany(b.ns, b.ids);
    }
}
