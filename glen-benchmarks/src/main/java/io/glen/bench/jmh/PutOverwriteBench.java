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

/** Overwrite of existing documents (uniform over {@code keys} ids), one thread, interval-class durability. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PutOverwriteBench {

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

    @Benchmark
    public void overwrite(Loaded l, ThreadRandom r) {
        int i = r.nextInt(l.keys);
        l.s.store.put(i, l.s.keys[i], Docs.pool(r.nextInt(1024)));
    }
}
