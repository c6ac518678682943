package io.glen.engine.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.engine.query.QueryModel;
import io.glen.engine.query.QueryModel.And;
import io.glen.engine.query.QueryModel.Cond;
import io.glen.engine.query.QueryModel.Op;
import io.glen.engine.query.QueryModel.Pred;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers change indexed fields while readers run indexed queries. Readers never see a document that
 * does not match their filter; a writer finds its own write through the index as soon as the write
 * returns; once the writers stop, indexed results equal a scan and the model.
 */
class IndexConcurrencyTest {

    private static final String C = "live";
    private static final int DOCS = 200;
    private static final int WRITERS = 2;
    private static final int OPS_PER_WRITER = 1500;

    @TempDir
    Path dir;

    private static Value doc(Random r) {
        String status = "s" + r.nextInt(5);
        long n = r.nextInt(100);
        var b = Value.object().put("status", status)
                .put("tags", Value.array(Value.of(status), Value.of("t" + n % 3)));
        if (r.nextInt(8) != 0) { // sometimes the indexed number is missing, sometimes a float
            b.put("n", r.nextInt(4) == 0 ? Value.of(n + 0.5) : Value.of(n));
        }
        return b.build();
    }

    /** A random filter some index serves. */
    private static Cond randomCond(Random r) {
        Value status = Value.of("s" + r.nextInt(5));
        Value low = Value.of(r.nextInt(100));
        Value high = Value.of(r.nextInt(100) + 0.5);
        return switch (r.nextInt(6)) {
            case 0 -> new Pred(Op.EQ, "status", List.of(status));
            case 1 -> new Pred(Op.BETWEEN, "n", List.of(low, high));
            case 2 -> new Pred(Op.IN, "status", List.of(status, Value.of("s" + r.nextInt(5))));
            case 3 -> new And(List.of(new Pred(Op.EQ, "status", List.of(status)), new Pred(Op.GTE, "n", List.of(low))));
            case 4 -> new Pred(Op.EQ, "tags", List.of(Value.of("t" + r.nextInt(3))));
            default -> new And(List.of(new Pred(Op.EQ, "tags", List.of(status)), new Pred(Op.LT, "n", List.of(high))));
        };
    }

    @Test
    void readersSeeNoFalsePositivesWhileWritersChangeIndexedFieldsAndResultsAreExactAfterwards() throws Exception {
        try (GlenDB db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.NONE).build())) {
            Random init = new Random(1);
            Map<String, Value> docs = new LinkedHashMap<>();
            for (int i = 0; i < DOCS; i++) {
                docs.put("d" + i, doc(init));
            }
            db.putMany(C, docs);
            db.createIndex(C, "by_status", "status");
            db.createIndex(C, "by_n", "n");
            db.createIndex(C, "by_status_n", "status", "n");
            db.createIndex(C, "by_tags", "tags");

            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong readerQueries = new AtomicLong();
            AtomicLong rowsChecked = new AtomicLong();
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(pool.submit(() -> write(db, writer)));
                }
                List<Future<?>> readers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    long seed = 100 + t;
                    readers.add(pool.submit(() -> read(db, seed, writing, readerQueries, rowsChecked)));
                }
                for (Future<?> f : writers) {
                    f.get(90, TimeUnit.SECONDS);
                }
                writing.set(false);
                for (Future<?> f : readers) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                writing.set(false);
                pool.shutdownNow();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(readerQueries.get()).as("reader queries during writes").isGreaterThan(20);
            assertThat(rowsChecked.get()).as("rows checked during writes").isGreaterThan(100);

            Map<String, Value> model = new TreeMap<>(db.getAll(C));
            Random r = new Random(7);
            for (int i = 0; i < 300; i++) {
                Cond cond = randomCond(r);
                List<String> expected = QueryModel.expected(model, cond, List.of(), -1);
                Query indexed = db.query(C).where(cond.toFilter());
                assertThat(indexed.explain().usesIndex()).as("%s", cond).isTrue();
                assertThat(indexed.list()).extracting(Document::id).as("%s", cond).isEqualTo(expected);
                assertThat(db.query(C).where(cond.toFilter()).withoutIndexes().list()).extracting(Document::id)
                        .as("%s", cond).isEqualTo(expected);
            }
        }
    }

    /** Writer {@code w} owns the ids d{i} with i % WRITERS == w, so it knows their current state. */
    private static void write(GlenDB db, int w) {
        Random r = new Random(1000 + w);
        for (int op = 0; op < OPS_PER_WRITER; op++) {
            String id = "d" + (r.nextInt(DOCS / WRITERS) * WRITERS + w);
            if (r.nextInt(6) == 0) {
                db.delete(C, id);
                if (op % 3 == 0) {
                    assertThat(db.findBy(C, "by_tags", Value.of("t0"))).extracting(Document::id).doesNotContain(id);
                }
            } else {
                Value v = doc(r);
                db.put(C, id, v);
                if (op % 3 == 0) {
                    // The write returned: its index entries must be there (and the old ones gone).
                    Value status = v.get("status");
                    assertThat(db.findBy(C, "by_status", status)).extracting(Document::id).as("op %d", op).contains(id);
                    for (int s = 0; s < 5; s++) {
                        if (!Value.of("s" + s).equals(status)) {
                            assertThat(db.query(C).where(Filter.eq("status", "s" + s)).list())
                                    .extracting(Document::id).as("op %d", op).doesNotContain(id);
                        }
                    }
                    if (v.get("n") != null) {
                        assertThat(db.findBy(C, "by_status_n", status, v.get("n"))).extracting(Document::id)
                                .as("op %d", op).contains(id);
                    }
                }
            }
        }
    }

    private static void read(GlenDB db, long seed, AtomicBoolean writing, AtomicLong queries, AtomicLong rows) {
        Random r = new Random(seed);
        while (writing.get()) {
            Cond cond = randomCond(r);
            Query q = db.query(C).where(cond.toFilter());
            if (r.nextBoolean()) {
                q.orderBy("n", r.nextBoolean() ? io.glen.engine.query.Direction.ASC : io.glen.engine.query.Direction.DESC);
            }
            List<Document> result = q.list();
            Set<String> ids = new HashSet<>();
            for (Document d : result) {
                assertThat(cond.test(d.value())).as("%s returned %s = %s", cond, d.id(), d.value()).isTrue();
                assertThat(ids.add(d.id())).as("%s returned %s twice", cond, d.id()).isTrue();
                rows.incrementAndGet();
            }
            long count = db.query(C).where(cond.toFilter()).count();
            assertThat(count).isNotNegative();
            queries.incrementAndGet();
        }
    }
}
