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
 * Puts acknowledged only after fsync (Glen {@code sync=always}, MapDB commit per write, MVStore
 * commit + sync per write) with 1, 8 and 32 threads, into an initially empty store (random ids
 * from {@code keys}: inserts, then overwrites). Compare with {@link FsyncBaselineBench}: with group
 * commit, many threads share one fsync and the total rate grows past the single-thread fsync rate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SyncAlwaysBench {

    @State(Scope.Benchmark)
    public static class Empty {
        @Param({"glen", "mapdb", "mvstore"})
        public String store;

        @Param("100000")
        public int keys;

        LoadedStore s;

        @Setup(Level.Trial)
        public void open() {
            s = new LoadedStore(store, Durability.ALWAYS, 0, keys * 2L);
        }

        @TearDown(Level.Trial)
        public void close() {
            s.close();
        }
    }

    private static void put(Empty e, ThreadRandom r) {
        int i = r.nextInt(e.keys);
        e.s.store.put(i, io.glen.bench.Keys.key(i), Docs.pool(i));
    }

    @Benchmark
    @Threads(1)
    public void t1(Empty e, ThreadRandom r) {
        put(e, r);
    }

    @Benchmark
    @Threads(8)
    public void t8(Empty e, ThreadRandom r) {
        put(e, r);
    }

    @Benchmark
    @Threads(32)
    public void t32(Empty e, ThreadRandom r) {
        put(e, r);
    }
}
