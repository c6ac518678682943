package io.glen.bench.jmh;

import io.glen.bench.BenchDirs;
import io.glen.bench.Doc;
import io.glen.bench.Keys;
import io.glen.bench.store.BenchStore;
import io.glen.bench.store.Durability;
import io.glen.bench.store.GlenStore;
import io.glen.bench.store.Stores;
import java.nio.file.Path;
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
 * Time to open a database of {@code docs} documents and read one document (single shot, ms).
 * Built once per trial: {@code docs} documents, then (Glen) a compaction so they are in snapshots,
 * then {@code docs/10} overwrites that only the WAL holds; closed cleanly. Glen loads every
 * document into memory on open (snapshot + WAL replay); the on-disk peers open lazily and read
 * pages on demand, so their number is an open, not a full load.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class RecoveryBench {

    @State(Scope.Benchmark)
    public static class Built {
        @Param({"glen", "mapdb", "mvstore", "nitrite", "chronicle"})
        public String store;

        @Param("1000000")
        public int docs;

        Path dir;
        BenchStore opened;

        @Setup(Level.Trial)
        public void build() {
            dir = BenchDirs.create("recovery-" + store);
            try (BenchStore s = Stores.open(store, dir, Durability.INTERVAL, docs * 2L)) {
                s.load(docs);
                if (s instanceof GlenStore glen) {
                    glen.db().admin().compact();
                }
                for (int i = 0; i < docs; i += 10) {
                    s.put(i, Keys.key(i), Doc.generate(docs + i, docs));
                }
            }
        }

        @TearDown(Level.Invocation)
        public void closeOpened() {
            if (opened != null) {
                opened.close();
                opened = null;
            }
        }

        @TearDown(Level.Trial)
        public void delete() {
            BenchDirs.delete(dir);
        }
    }

    @Benchmark
    public Object open(Built b) {
        b.opened = Stores.open(b.store, b.dir, Durability.INTERVAL, b.docs * 2L);
        return b.opened.get(b.docs / 2, Keys.key(b.docs / 2));
    }
}
