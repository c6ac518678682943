package io.glen.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.CommitStatus;
import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.Txn;
import io.glen.engine.WalSyncMode;
import io.glen.engine.query.Direction;
import io.glen.engine.query.Filter;
import io.glen.engine.query.QueryModel;
import io.glen.engine.query.QueryModel.And;
import io.glen.engine.query.QueryModel.Cond;
import io.glen.engine.query.QueryModel.Op;
import io.glen.engine.query.QueryModel.Pred;
import io.glen.engine.query.QueryModel.Sort;
import io.glen.engine.testing.RandomValues;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes stay exact under every kind of write: after random sequences of puts, updates that change
 * or drop indexed fields, deletes, batches and transactions (committed, rolled back, conflicting),
 * {@code findBy} and {@code rangeBy} equal both a scan and the model.
 */
class IndexMaintenanceTest {

    private static final String C = "m";
    private static final Map<String, List<String>> INDEXES = new java.util.LinkedHashMap<>();

    static {
        INDEXES.put("i_a", List.of("a"));
        INDEXES.put("i_tags", List.of("tags"));
        INDEXES.put("i_nx", List.of("n.x"));
        INDEXES.put("i_sku", List.of("items.sku"));
        INDEXES.put("i_s_a", List.of("s", "a"));
        INDEXES.put("i_b_nx_s", List.of("b", "n.x", "s"));
    }

    @TempDir
    Path dir;

    GlenDB db;

    @BeforeEach
    void open() {
        db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.NONE).build());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Value doc(Object... fieldsAndValues) {
        var b = Value.object();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            b.put((String) fieldsAndValues[i], Value.of(fieldsAndValues[i + 1]));
        }
        return b.build();
    }

    private List<String> findBy(String index, Object... key) {
        Value[] values = new Value[key.length];
        for (int i = 0; i < key.length; i++) {
            values[i] = Value.of(key[i]);
        }
        return db.findBy(C, index, values).stream().map(Document::id).toList();
    }

    // ------------------------------------------------------------------ random sequences

    @Test
    void randomWriteSequencesKeepEveryIndexExact() {
        int checks = 0;
        for (long seed = 500; seed < 510; seed++) {
            String coll = C + seed;
            RandomValues rv = new RandomValues(seed);
            Random r = rv.random();
            Map<String, Value> model = new TreeMap<>();
            boolean indexFirst = seed % 2 == 0;
            if (indexFirst) {
                INDEXES.forEach((name, paths) -> db.createIndex(coll, name, paths.toArray(String[]::new)));
            }
            for (int step = 0; step < 240; step++) {
                randomWrite(coll, rv, model, step);
                if (!indexFirst && step == 40) {
                    INDEXES.forEach((name, paths) -> db.createIndex(coll, name, paths.toArray(String[]::new)));
                }
                if (step % 60 == 59) {
                    checks += verifyIndexes(coll, rv, model, "seed " + seed + " step " + step);
                }
            }
        }
        assertThat(checks).as("lookups checked").isGreaterThan(3000);
    }

    private void randomWrite(String coll, RandomValues rv, Map<String, Value> model, int step) {
        Random r = rv.random();
        List<String> ids = new ArrayList<>(model.keySet());
        String existing = ids.isEmpty() ? "x0" : ids.get(r.nextInt(ids.size()));
        String fresh = "x" + r.nextInt(400);
        switch (r.nextInt(9)) {
            case 0, 1 -> { // insert or replace
                Value v = rv.queryDocument();
                db.put(coll, fresh, v);
                model.put(fresh, v);
            }
            case 2 -> { // update that changes or drops indexed fields of an existing document
                Value old = model.getOrDefault(existing, Value.object().build());
                Map<String, Value> fields = new HashMap<>(old.kind() == ValueKind.OBJECT ? old.asMap() : Map.of());
                String[] f = {"a", "b", "s", "n", "tags", "items"};
                String field = f[r.nextInt(f.length)];
                if (r.nextBoolean()) {
                    fields.remove(field);
                } else {
                    fields.put(field, rv.queryDocument().asMap().getOrDefault(field, rv.queryScalar()));
                }
                Value v = Value.object(fields);
                db.put(coll, existing, v);
                model.put(existing, v);
            }
            case 3 -> {
                assertThat(db.delete(coll, existing)).isEqualTo(model.remove(existing) != null);
            }
            case 4 -> {
                Map<String, Value> batch = new HashMap<>();
                for (int i = 0; i < 1 + r.nextInt(6); i++) {
                    batch.put(r.nextBoolean() ? existing + i : "x" + r.nextInt(400), rv.queryDocument());
                }
                db.putMany(coll, batch);
                model.putAll(batch);
            }
            case 5 -> {
                Set<String> victims = new LinkedHashSet<>();
                for (int i = 0; i < 3 && !ids.isEmpty(); i++) {
                    victims.add(ids.get(r.nextInt(ids.size())));
                }
                victims.add("never" + step);
                int deleted = db.deleteMany(coll, victims);
                int expected = 0;
                for (String v : victims) {
                    expected += model.remove(v) != null ? 1 : 0;
                }
                assertThat(deleted).isEqualTo(expected);
            }
            case 6 -> { // committed transaction mixing puts and deletes
                Txn txn = db.beginTxn();
                Map<String, Value> puts = new HashMap<>();
                Set<String> deletes = new LinkedHashSet<>();
                for (int i = 0; i < 3; i++) {
                    String id = r.nextBoolean() ? existing : "x" + r.nextInt(400);
                    if (r.nextInt(3) == 0) {
                        txn.delete(coll, id);
                        deletes.add(id);
                        puts.remove(id);
                    } else {
                        Value v = rv.queryDocument();
                        txn.put(coll, id, v);
                        puts.put(id, v);
                        deletes.remove(id);
                    }
                }
                assertThat(txn.commit().status()).isEqualTo(CommitStatus.COMMITTED);
                deletes.forEach(model::remove);
                model.putAll(puts);
            }
            case 7 -> { // rolled back: no index may change
                Txn txn = db.beginTxn();
                txn.put(coll, existing, rv.queryDocument()).delete(coll, fresh);
                txn.rollback();
            }
            default -> { // conflicting: read, a concurrent write wins, the transaction's writes are discarded
                Txn txn = db.beginTxn();
                txn.get(coll, existing);
                txn.put(coll, existing, rv.queryDocument());
                txn.put(coll, fresh + "c", rv.queryDocument());
                Value winner = rv.queryDocument();
                db.put(coll, existing, winner);
                model.put(existing, winner);
                assertThat(txn.commit().status()).isEqualTo(CommitStatus.CONFLICT);
            }
        }
    }

    /** findBy with every key width and rangeBy with random bounds, against a scan and the model. */
    private int verifyIndexes(String coll, RandomValues rv, Map<String, Value> model, String what) {
        Random r = rv.random();
        int checks = 0;
        List<Value> docs = new ArrayList<>(model.values());
        for (Map.Entry<String, List<String>> index : INDEXES.entrySet()) {
            List<String> paths = index.getValue();
            for (int k = 0; k < 25; k++) {
                Value source = docs.isEmpty() ? Value.object().build() : docs.get(r.nextInt(docs.size()));
                int width = 1 + r.nextInt(paths.size());
                List<Value> key = new ArrayList<>();
                List<Cond> conds = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    List<Value> reached = QueryModel.reach(source, paths.get(i));
                    Value v = reached.isEmpty() || r.nextInt(8) == 0 ? rv.queryScalar() : reached.get(r.nextInt(reached.size()));
                    key.add(v);
                    conds.add(new Pred(Op.EQ, paths.get(i), List.of(v)));
                }
                Cond cond = new And(conds);
                int limit = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : Integer.MAX_VALUE;
                List<String> expected = QueryModel.expected(model, cond, List.of(), limit == Integer.MAX_VALUE ? -1 : limit);
                List<String> found = db.findBy(coll, index.getKey(), key, limit).stream().map(Document::id).toList();
                assertThat(found).as("%s: findBy %s %s limit %d", what, index.getKey(), key, limit).isEqualTo(expected);
                List<String> scanned = db.query(coll).where(cond.toFilter()).withoutIndexes().list().stream()
                        .map(Document::id).toList();
                assertThat(QueryModel.expected(model, cond, List.of(), -1)).as("%s: scan %s", what, cond).isEqualTo(scanned);
                checks++;
            }
            for (int k = 0; k < 10; k++) {
                checks += checkRangeBy(coll, rv, model, docs, index.getKey(), paths, what);
            }
        }
        return checks;
    }

    private int checkRangeBy(String coll, RandomValues rv, Map<String, Value> model, List<Value> docs, String index,
                             List<String> paths, String what) {
        Random r = rv.random();
        int prefixWidth = paths.size() == 1 ? 0 : r.nextInt(paths.size());
        Value source = docs.isEmpty() ? Value.object().build() : docs.get(r.nextInt(docs.size()));
        List<Value> prefix = new ArrayList<>();
        List<Cond> conds = new ArrayList<>();
        for (int i = 0; i < prefixWidth; i++) {
            List<Value> reached = QueryModel.reach(source, paths.get(i));
            Value v = reached.isEmpty() ? rv.queryScalar() : reached.get(r.nextInt(reached.size()));
            prefix.add(v);
            conds.add(new Pred(Op.EQ, paths.get(i), List.of(v)));
        }
        String path = paths.get(prefixWidth);
        List<Value> reached = QueryModel.reach(source, path);
        Value min = r.nextInt(4) == 0 ? null : reached.isEmpty() ? rv.queryScalar() : reached.get(r.nextInt(reached.size()));
        Value max = r.nextInt(4) == 0 ? null : r.nextBoolean() && min != null ? min : rv.queryScalar();
        if (min != null && max != null && QueryModel.sameKind(min, max) && QueryModel.compare(min, max) > 0) {
            Value t = min;
            min = max;
            max = t;
        }
        boolean minInclusive = r.nextBoolean();
        boolean maxInclusive = r.nextBoolean();
        boolean ascending = r.nextBoolean();
        int limit = r.nextBoolean() ? Integer.MAX_VALUE : 1 + r.nextInt(5);
        if (min != null) {
            conds.add(new Pred(minInclusive ? Op.GTE : Op.GT, path, List.of(min)));
        }
        if (max != null) {
            conds.add(new Pred(maxInclusive ? Op.LTE : Op.LT, path, List.of(max)));
        }
        if (min == null && max == null) {
            conds.add(new Pred(Op.EXISTS, path, List.of()));
        }
        List<String> expected = QueryModel.expected(model, new And(conds),
                List.of(new Sort(path, ascending ? Direction.ASC : Direction.DESC)), limit == Integer.MAX_VALUE ? -1 : limit);
        List<String> found = db.rangeBy(coll, index, prefix, min, max, minInclusive, maxInclusive, limit, ascending)
                .stream().map(Document::id).toList();
        assertThat(found).as("%s: rangeBy %s prefix %s %s%s, %s%s limit %d %s", what, index, prefix,
                minInclusive ? "[" : "(", min, max, maxInclusive ? "]" : ")", limit, ascending ? "asc" : "desc")
                .isEqualTo(expected);
        return 1;
    }

    // ------------------------------------------------------------------ specific writes

    @Test
    void anUpdateThatChangesTheIndexedFieldMovesTheDocument() {
        db.createIndex(C, "by_a", "a");
        db.put(C, "d", doc("a", 1));
        db.put(C, "d", doc("a", 2));
        assertThat(findBy("by_a", 1)).isEmpty();
        assertThat(findBy("by_a", 2)).containsExactly("d");
    }

    @Test
    void anUpdateThatRemovesTheIndexedFieldUnindexesTheDocument() {
        db.createIndex(C, "by_a", "a");
        db.put(C, "d", doc("a", 1));
        db.put(C, "d", doc("b", 1));
        assertThat(findBy("by_a", 1)).isEmpty();
        assertThat(db.rangeBy(C, "by_a", null, null, true, true, 100, true)).isEmpty();
        assertThat(db.query(C).where(Filter.gte("a", 0)).list()).isEmpty();
    }

    @Test
    void aDeleteUnindexesTheDocument() {
        db.createIndex(C, "by_a", "a");
        db.put(C, "d", doc("a", 1));
        db.put(C, "e", doc("a", 1));
        db.delete(C, "d");
        assertThat(findBy("by_a", 1)).containsExactly("e");
        db.deleteMany(C, List.of("e", "zz"));
        assertThat(findBy("by_a", 1)).isEmpty();
    }

    @Test
    void putManyIndexesEveryDocumentOfTheBatch() {
        db.createIndex(C, "by_a", "a");
        Map<String, Value> batch = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            batch.put("b" + i, doc("a", i % 5));
        }
        db.putMany(C, batch);
        assertThat(findBy("by_a", 3)).hasSize(10);
        assertThat(findBy("by_a", 3.0)).containsExactlyElementsOf(findBy("by_a", 3));
    }

    @Test
    void aCommittedTransactionUpdatesIndexesAndARolledBackOneDoesNot() {
        db.createIndex(C, "by_a", "a");
        db.put(C, "gone", doc("a", "x"));
        Txn txn = db.beginTxn();
        txn.put(C, "t1", doc("a", "x")).put(C, "t2", doc("a", "y")).delete(C, "gone");
        assertThat(findBy("by_a", "x")).containsExactly("gone");
        txn.commit();
        assertThat(findBy("by_a", "x")).containsExactly("t1");
        assertThat(findBy("by_a", "y")).containsExactly("t2");
        Txn rolledBack = db.beginTxn();
        rolledBack.put(C, "t1", doc("a", "z")).delete(C, "t2");
        rolledBack.rollback();
        assertThat(findBy("by_a", "x")).containsExactly("t1");
        assertThat(findBy("by_a", "z")).isEmpty();
    }

    @Test
    void anIndexedUpdateBetweenIntAndEqualFloatStaysFindableAndLeavesNoStaleEntry() {
        db.createIndex(C, "by_a", "a");
        db.put(C, "d", doc("a", 3));
        db.put(C, "d", doc("a", 3.0));
        assertThat(db.findBy(C, "by_a", Value.of(3))).singleElement()
                .satisfies(d -> assertThat(d.value().at("a")).isEqualTo(Value.of(3.0)));
        db.put(C, "d", doc("a", 4));
        assertThat(findBy("by_a", 3)).isEmpty();
        assertThat(findBy("by_a", 4)).containsExactly("d");
    }

    // ------------------------------------------------------------------ multikey and missing fields

    @Test
    void anArrayIsFoundByEachElementAndByTheWholeArray() {
        db.createIndex(C, "by_tags", "tags");
        db.put(C, "d", doc("tags", List.of("a", "b")));
        db.put(C, "e", doc("tags", "a"));
        assertThat(findBy("by_tags", "a")).containsExactly("d", "e");
        assertThat(findBy("by_tags", "b")).containsExactly("d");
        assertThat(findBy("by_tags", List.of("a", "b"))).containsExactly("d");
        assertThat(findBy("by_tags", List.of("b", "a"))).isEmpty();
        assertThat(findBy("by_tags", "c")).isEmpty();
    }

    @Test
    void duplicatesInAnArrayAreCountedOnce() {
        db.createIndex(C, "by_tags", "tags");
        db.put(C, "d", doc("tags", List.of("a", "a", "b", "a")));
        db.put(C, "n", doc("tags", List.of(3, 3.0, 3)));
        assertThat(findBy("by_tags", "a")).containsExactly("d");
        assertThat(db.query(C).where(Filter.eq("tags", "a")).count()).isEqualTo(1);
        assertThat(db.query(C).where(Filter.in("tags", "a", "b")).list()).extracting(Document::id).containsExactly("d");
        assertThat(db.query(C).where(Filter.gte("tags", 0)).list()).extracting(Document::id).containsExactly("n");
        assertThat(db.rangeBy(C, "by_tags", Value.of("a"), Value.of("b"), true, true, 10, true))
                .extracting(Document::id).containsExactly("d");
    }

    @Test
    void aNestedPathThroughAnArrayOfObjectsIsMultikey() {
        db.createIndex(C, "by_sku", "items.sku");
        db.put(C, "o1", Value.object().put("items", Value.array(doc("sku", "p1"), doc("sku", "p2"))).build());
        db.put(C, "o2", Value.object().put("items", Value.array(doc("sku", "p2"), doc("qty", 1))).build());
        assertThat(findBy("by_sku", "p1")).containsExactly("o1");
        assertThat(findBy("by_sku", "p2")).containsExactly("o1", "o2");
        db.put(C, "o1", Value.object().put("items", Value.array(doc("sku", "p3"))).build());
        assertThat(findBy("by_sku", "p2")).containsExactly("o2");
        assertThat(findBy("by_sku", "p3")).containsExactly("o1");
    }

    @Test
    void documentsMissingTheFieldAreNotInASingleFieldIndexButNullIs() {
        db.createIndex(C, "by_a", "a");
        db.put(C, "none", doc("b", 1));
        db.put(C, "nul", Value.object().put("a", Value.NULL).build());
        assertThat(db.findBy(C, "by_a", Value.NULL)).extracting(Document::id).containsExactly("nul");
        assertThat(db.rangeBy(C, "by_a", null, null, true, true, 10, true)).extracting(Document::id)
                .containsExactly("nul");
        assertThat(db.query(C).where(Filter.notExists("a")).list()).extracting(Document::id).containsExactly("none");
    }

    @Test
    void aCompositeIndexIncludesDocumentsMissingLaterPaths() {
        db.createIndex(C, "by_city_age", "city", "age");
        db.put(C, "full", doc("city", "Oslo", "age", 30));
        db.put(C, "noAge", doc("city", "Oslo"));
        db.put(C, "noCity", doc("age", 30));
        assertThat(findBy("by_city_age", "Oslo")).containsExactly("full", "noAge");
        assertThat(findBy("by_city_age", "Oslo", 30)).containsExactly("full");
        assertThat(db.query(C).where(Filter.eq("city", "Oslo").and(Filter.notExists("age")))
                .useIndex("by_city_age").list()).extracting(Document::id).containsExactly("noAge");
    }

    @Test
    void rangeByOrdersIntsAndFloatsNumerically() {
        db.createIndex(C, "by_a", "a");
        db.put(C, "i3", doc("a", 3));
        db.put(C, "f35", doc("a", 3.5));
        db.put(C, "i4", doc("a", 4));
        db.put(C, "f30", doc("a", 3.0));
        db.put(C, "f25", doc("a", 2.5));
        db.put(C, "s", doc("a", "3.2"));
        db.put(C, "big", doc("a", (1L << 53) + 1));
        db.put(C, "bigf", doc("a", 0x1p53));
        assertThat(db.rangeBy(C, "by_a", Value.of(3), Value.of(4), true, true, 10, true))
                .extracting(Document::id).containsExactly("f30", "i3", "f35", "i4");
        assertThat(db.rangeBy(C, "by_a", Value.of(3.0), Value.of(4.0), false, false, 10, true))
                .extracting(Document::id).containsExactly("f35");
        assertThat(db.rangeBy(C, "by_a", Value.of(0x1p53), null, false, true, 10, true))
                .extracting(Document::id).containsExactly("big");
        assertThat(db.rangeBy(C, "by_a", Value.of(1L << 53), null, true, true, 10, true))
                .extracting(Document::id).containsExactly("bigf", "big");
    }
}
