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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mixed reads and updates (overwrites) of random ids over {@code keys} documents:
 * {@code readPercent}% gets, the rest puts, with 1, 2 and 8 threads (score = total ops/s of all
 * threads). Interval-class durability.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class MixedBench {

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"glen", "mapdb", "mvstore", "nitrite", "chronicle", "chm"})
        public String store;

        @Param({"95", "50"})
        public int readPercent;

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

    private static Object op(Loaded l, ThreadRandom r) {
        int i = r.nextInt(l.keys);
        if (r.nextInt(100) < l.readPercent) {
            return l.s.store.get(i, l.s.keys[i]);
        }
        l.s.store.put(i, l.s.keys[i], Docs.pool(r.nextInt(1024)));
        return null;
    }

    @Benchmark
    @Threads(1)
    public Object t1(Loaded l, ThreadRandom r) {
        return op(l, r);
    }

    @Benchmark
    @Threads(2)
    public Object t2(Loaded l, ThreadRandom r) {
        return op(l, r);
    }

    @Benchmark
    @Threads(8)
    public Object t8(Loaded l, ThreadRandom r) {
        return op(l, r);
    }
}
