package io.glen.bench.jmh;

import io.glen.bench.Doc;
import io.glen.bench.store.Durability;
import java.util.List;
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
 * Indexed queries over {@code docs} documents, one thread, each matching about 100 documents
 * which are returned materialized: {@code eq} = category equals a random category, {@code range}
 * = {@code low <= score < low + 100}. Glen ({@code glen}): its indexes through the engine API;
 * Glen repository ({@code glen-repo}): a {@code GlenRepository} derived query, which the engine plans
 * onto the same indexes, returning mapped entities; MapDB and MVStore: hand-maintained secondary
 * sorted sets/maps ({@code value \0 id}) plus a primary lookup per hit; Nitrite: its non-unique
 * indexes; Spring Data KeyValue: a derived repository query, which scans.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class QueryBench {

    @State(Scope.Benchmark)
    public static class Indexed {
        @Param({"glen", "glen-repo", "mapdb", "mvstore", "nitrite", "springkv"})
        public String store;

        @Param("1000000")
        public int docs;

        LoadedStore s;

        @Setup(Level.Trial)
        public void open() {
            s = new LoadedStore(store, Durability.INTERVAL, 0, docs * 2L);
            s.store.createIndexes();
            s.store.load(docs);
        }

        @TearDown(Level.Trial)
        public void close() {
            s.close();
        }
    }

    @Benchmark
    public List<?> eq(Indexed q, ThreadRandom r) {
        return q.s.store.findByCategory(Doc.category(r.nextLong(Doc.categories(q.docs))));
    }

    @Benchmark
    public List<?> range(Indexed q, ThreadRandom r) {
        long low = r.nextLong(Math.max(1, q.docs - 100));
        return q.s.store.findScoreRange(low, low + 100);
    }
}
