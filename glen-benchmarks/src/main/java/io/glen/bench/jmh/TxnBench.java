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
 * Single-document transactions, one thread: read a document and replace it, committed so that a
 * concurrent change would make it fail. Glen: {@code beginTxn/get/put/commit}; MVStore: its
 * {@code TransactionStore}; Nitrite: a session transaction; MapDB, Chronicle Map and the
 * ConcurrentHashMap have no transactions and use get + compare-and-replace, the nearest
 * equivalent. Interval-class durability.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class TxnBench {

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
            if (store.equals("mvstore")) {
                // MVStore's transactional map is separate from the plain one: fill it too.
                for (int i = 0; i < keys; i++) {
                    s.store.txnUpdate(i, s.keys[i], Docs.pool(i));
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            s.close();
        }
    }

    @Benchmark
    public boolean commit(Loaded l, ThreadRandom r) {
        int i = r.nextInt(l.keys);
        return l.s.store.txnUpdate(i, l.s.keys[i], Docs.pool(r.nextInt(1024)));
    }
}
