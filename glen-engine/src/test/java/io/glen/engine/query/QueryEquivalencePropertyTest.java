package io.glen.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.Txn;
import io.glen.engine.WalSyncMode;
import io.glen.engine.query.QueryModel.And;
import io.glen.engine.query.QueryModel.Cond;
import io.glen.engine.query.QueryModel.Not;
import io.glen.engine.query.QueryModel.Op;
import io.glen.engine.query.QueryModel.Or;
import io.glen.engine.query.QueryModel.Pred;
import io.glen.engine.query.QueryModel.Sort;
import io.glen.engine.testing.RandomValues;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key property: on random collections, random indexes, random filters, orders and limits, a
 * query's results are the same with the planner's index, with every index forced on it that can
 * serve it, without indexes, and in a brute-force model of the documented semantics
 * ({@link QueryModel}). The collection is mutated between rounds of queries (puts, updates that
 * change or drop indexed fields, deletes, batches, transactions, index drops and creations), so
 * index maintenance is covered by the same property. Every failure message carries the seed.
 */
class QueryEquivalencePropertyTest {

    private static final String C = "docs";
    private static final String[] FILTER_PATHS = {"a", "b", "s", "n", "n.x", "n.y", "n.z.w", "tags", "tags.0",
            "tags.1", "items", "items.sku", "items.qty", "items.0.sku", "items.1", "zz"};
    private static final String[] INDEX_PATHS = {"a", "b", "s", "n", "n.x", "n.y", "n.z.w", "tags", "tags.0",
            "items.sku", "items.qty", "items.0.sku"};
    private static final String[] SORT_PATHS = {"a", "b", "s", "n", "n.x", "n.y", "tags", "tags.0", "items.0.sku",
            "items.sku", "zz"};
    private static final String[] PREFIXES = {"", "a", "ab", "abc", "é", "日", "\uD83D\uDE00", "\uD83D", "a\uFFFF",
            "\uFFFF", "\uDBFF\uDFFF", "\uDBFF", "\uD7FF", "\uE000", "x", "Z", "3", "a\uD83D\uDE00", "\uDE00"};
    private static final String[] ID_SUFFIXES = {"", "é", "\uFFFF", "\uD83D\uDE00", "\uE000", "Z", "_"};

    private static final int SEEDS = 8;
    private static final int ROUNDS = 3;
    private static final int QUERIES_PER_ROUND = 125;

    @TempDir
    Path dir;

    private final Map<QueryPlan.Kind, Integer> planKinds = new java.util.EnumMap<>(QueryPlan.Kind.class);

    @Test
    void indexedQueriesScansAndTheModelAlwaysAgree() {
        List<String> failures = new ArrayList<>();
        int[] checked = new int[1];
        for (int s = 0; s < SEEDS; s++) {
            long seed = 0xC0FFEE00L + s * 7919L;
            runSeed(seed, failures, checked);
        }
        // The property is only as strong as the plans it exercises: every kind must occur often.
        assertThat(planKinds).as("planned kinds over all cases").allSatisfy((kind, n) ->
                assertThat(n).as("%s", kind).isGreaterThanOrEqualTo(kind == QueryPlan.Kind.EMPTY ? 15 : 100));
        assertThat(planKinds).containsOnlyKeys(QueryPlan.Kind.values());
        assertThat(checked[0]).as("queries checked").isGreaterThanOrEqualTo(SEEDS * ROUNDS * QUERIES_PER_ROUND);
        assertThat(failures.subList(0, Math.min(6, failures.size())))
                .as("%d of %d queries disagree (first ones shown)", failures.size(), checked[0]).isEmpty();
    }

    private void runSeed(long seed, List<String> failures, int[] checked) {
        RandomValues rv = new RandomValues(seed);
        Random r = rv.random();
        Map<String, Value> model = new TreeMap<>();
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        try (GlenDB db = GlenDB.open(dir.resolve("s" + seed), GlenOptions.builder().walSync(WalSyncMode.NONE).build())) {
            // Some indexes exist before any document (maintained on insert), others are built later.
            for (int i = 0, n = r.nextInt(3); i < n; i++) {
                createRandomIndex(db, r, indexes, "e" + i);
            }
            int docs = 200 + r.nextInt(150);
            Map<String, Value> batch = new LinkedHashMap<>();
            for (int i = 0; i < docs; i++) {
                String id = newId(r, i);
                Value doc = rv.queryDocument();
                if (r.nextInt(3) == 0) {
                    db.put(C, id, doc);
                } else {
                    batch.put(id, doc);
                }
                model.put(id, doc);
            }
            db.putMany(C, batch);
            for (int i = 0, n = 2 + r.nextInt(4); i < n; i++) {
                createRandomIndex(db, r, indexes, "p" + i);
            }
            int nextId = docs;
            for (int round = 0; round < ROUNDS; round++) {
                for (int q = 0; q < QUERIES_PER_ROUND; q++) {
                    checkOneQuery(db, rv, model, indexes, seed, round * QUERIES_PER_ROUND + q, failures);
                    checked[0]++;
                }
                nextId = mutate(db, rv, model, indexes, nextId, round);
            }
        }
    }

    private static String newId(Random r, int i) {
        return "d" + (r.nextInt(4) == 0 ? i % 37 + ID_SUFFIXES[r.nextInt(ID_SUFFIXES.length)] + i : String.valueOf(i));
    }

    private static void createRandomIndex(GlenDB db, Random r, Map<String, List<String>> indexes, String name) {
        int width = r.nextInt(10) < 6 ? 1 : r.nextInt(10) < 7 ? 2 : 3;
        List<String> paths = new ArrayList<>();
        while (paths.size() < width) {
            String p = INDEX_PATHS[r.nextInt(INDEX_PATHS.length)];
            if (!paths.contains(p)) {
                paths.add(p);
            }
        }
        assertThat(db.createIndex(C, name, paths.toArray(String[]::new))).isTrue();
        indexes.put(name, paths);
    }

    private int mutate(GlenDB db, RandomValues rv, Map<String, Value> model, Map<String, List<String>> indexes,
                       int nextId, int round) {
        Random r = rv.random();
        List<String> ids = new ArrayList<>(model.keySet());
        for (int op = 0; op < 80; op++) {
            int k = r.nextInt(10);
            if (k < 4 && !ids.isEmpty()) {
                String id = ids.get(r.nextInt(ids.size()));
                Value doc = rv.queryDocument();
                db.put(C, id, doc);
                model.put(id, doc);
            } else if (k < 6 && !ids.isEmpty()) {
                String id = ids.remove(r.nextInt(ids.size()));
                assertThat(db.delete(C, id)).isTrue();
                model.remove(id);
            } else if (k < 7) {
                assertThat(db.delete(C, "nope" + op)).isFalse();
            } else if (k < 8) {
                String id = newId(r, nextId++);
                Value doc = rv.queryDocument();
                db.put(C, id, doc);
                model.put(id, doc);
                ids.add(id);
            } else if (k < 9) {
                Map<String, Value> batch = new HashMap<>();
                for (int i = 0; i < 5; i++) {
                    String id = r.nextBoolean() || ids.isEmpty() ? newId(r, nextId++) : ids.get(r.nextInt(ids.size()));
                    batch.put(id, rv.queryDocument());
                }
                db.putMany(C, batch);
                batch.forEach((id, v) -> {
                    if (model.put(id, v) == null) {
                        ids.add(id);
                    }
                });
            } else if (!ids.isEmpty()) {
                Txn txn = db.beginTxn();
                Map<String, Value> puts = new HashMap<>();
                List<String> deletes = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String id = ids.get(r.nextInt(ids.size()));
                    if (r.nextBoolean() && !puts.containsKey(id)) {
                        txn.delete(C, id);
                        deletes.add(id);
                        puts.remove(id);
                    } else {
                        Value v = rv.queryDocument();
                        txn.put(C, id, v);
                        puts.put(id, v);
                        deletes.remove(id);
                    }
                }
                assertThat(txn.commit().status()).isEqualTo(io.glen.engine.CommitStatus.COMMITTED);
                for (String id : deletes) {
                    model.remove(id);
                    ids.remove(id);
                }
                model.putAll(puts);
            }
        }
        if (!indexes.isEmpty() && r.nextBoolean()) {
            String victim = new ArrayList<>(indexes.keySet()).get(r.nextInt(indexes.size()));
            assertThat(db.dropIndex(C, victim)).isTrue();
            indexes.remove(victim);
        }
        createRandomIndex(db, r, indexes, "r" + round);
        return nextId;
    }

    private void checkOneQuery(GlenDB db, RandomValues rv, Map<String, Value> model, Map<String, List<String>> indexes,
                               long seed, int caseNo, List<String> failures) {
        Random r = rv.random();
        Cond cond = randomTopLevel(rv, model, indexes);
        List<Sort> sorts = new ArrayList<>();
        int keys = r.nextInt(10) < 4 ? 0 : r.nextInt(10) < 7 ? 1 : 2;
        for (int i = 0; i < keys; i++) {
            sorts.add(new Sort(SORT_PATHS[r.nextInt(SORT_PATHS.length)], r.nextBoolean() ? Direction.ASC : Direction.DESC));
        }
        int limit = r.nextBoolean() ? -1 : new int[] {0, 1, 2, 5, 17, 60}[r.nextInt(6)];
        Filter filter = cond.toFilter();
        List<String> expected = QueryModel.expected(model, cond, sorts, limit);
        String what = String.format("seed=%d case=%d filter=%s order=%s limit=%d", seed, caseNo, cond, sorts, limit);

        QueryPlan plan = build(db, filter, sorts, limit).explain();
        planKinds.merge(plan.kind(), 1, Integer::sum);
        compare(failures, what + " [planned " + plan + "]", expected, build(db, filter, sorts, limit).list(), model);
        compare(failures, what + " [withoutIndexes]", expected,
                build(db, filter, sorts, limit).withoutIndexes().list(), model);
        for (String index : indexes.keySet()) {
            Query forced = build(db, filter, sorts, limit).useIndex(index);
            QueryPlan forcedPlan;
            try {
                forcedPlan = forced.explain();
            } catch (IllegalArgumentException cannotServe) {
                continue;
            }
            compare(failures, what + " [forced " + forcedPlan + "]", expected, forced.list(), model);
        }
        if (caseNo % 4 == 0) {
            checkResultForms(db, filter, sorts, cond, model, what, failures);
        }
    }

    /** count(), exists(), first() and stream() agree with list() and the model. */
    private static void checkResultForms(GlenDB db, Filter filter, List<Sort> sorts, Cond cond,
                                         Map<String, Value> model, String what, List<String> failures) {
        List<String> all = QueryModel.expected(model, cond, sorts, -1);
        long count = build(db, filter, sorts, -1).count();
        boolean exists = build(db, filter, sorts, -1).exists();
        Optional<Document> first = build(db, filter, sorts, -1).first();
        List<String> streamed = build(db, filter, sorts, -1).stream().map(Document::id).toList();
        long limitedCount = build(db, filter, sorts, 1).count();
        if (count != all.size() || limitedCount != all.size()) {
            failures.add(what + ": count " + count + " (with limit 1: " + limitedCount + ") but model has " + all.size());
        }
        if (exists != !all.isEmpty()) {
            failures.add(what + ": exists " + exists + " but model has " + all.size());
        }
        if (!first.map(Document::id).equals(all.stream().findFirst())) {
            failures.add(what + ": first " + first.map(Document::id) + " but model first " + all.stream().findFirst());
        }
        if (!streamed.equals(all)) {
            failures.add(what + ": stream " + streamed + " but model " + all);
        }
    }

    private static Query build(GlenDB db, Filter filter, List<Sort> sorts, int limit) {
        Query q = db.query(C).where(filter);
        for (Sort s : sorts) {
            q.orderBy(s.path(), s.direction());
        }
        if (limit >= 0) {
            q.limit(limit);
        }
        return q;
    }

    private static void compare(List<String> failures, String what, List<String> expected, List<Document> actual,
                                Map<String, Value> model) {
        List<String> ids = actual.stream().map(Document::id).toList();
        if (!ids.equals(expected)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(ids);
            List<String> extra = new ArrayList<>(ids);
            extra.removeAll(expected);
            StringBuilder detail = new StringBuilder();
            for (String id : missing.subList(0, Math.min(2, missing.size()))) {
                detail.append("\n    missing ").append(id).append(" = ").append(QueryModel.show(model.get(id)));
            }
            for (String id : extra.subList(0, Math.min(2, extra.size()))) {
                detail.append("\n    extra ").append(id).append(" = ")
                        .append(model.containsKey(id) ? QueryModel.show(model.get(id)) : "<deleted>");
            }
            failures.add(what + "\n  expected " + expected.size() + " " + expected + "\n  actual   " + ids.size() + " "
                    + ids + detail);
            return;
        }
        for (Document d : actual) {
            if (!d.value().equals(model.get(d.id()))) {
                failures.add(what + ": stale value for " + d.id() + ": " + d.value() + " vs " + model.get(d.id()));
                return;
            }
        }
    }

    // ------------------------------------------------------------------ random filters

    /** A top-level filter: usually a conjunction of predicates on indexed paths, so the planner engages. */
    private static Cond randomTopLevel(RandomValues rv, Map<String, Value> model, Map<String, List<String>> indexes) {
        Random r = rv.random();
        int shape = r.nextInt(10);
        if (shape < 6 && !indexes.isEmpty()) {
            List<String> paths = new ArrayList<>(indexes.values()).get(r.nextInt(indexes.size()));
            List<Cond> parts = new ArrayList<>();
            for (String path : paths) {
                if (r.nextInt(4) == 0) {
                    break;
                }
                int k = r.nextInt(12);
                parts.add(k < 4 ? randomPred(rv, model, path) : k < 6 ? inFromData(rv, model, path) : eqFromData(rv, model, path));
            }
            int extra = r.nextInt(3);
            for (int i = 0; i < extra; i++) {
                String path = r.nextBoolean() ? paths.get(r.nextInt(paths.size())) : FILTER_PATHS[r.nextInt(FILTER_PATHS.length)];
                parts.add(r.nextInt(5) == 0 ? randomCond(rv, model, 2) : randomPred(rv, model, path));
            }
            return parts.isEmpty() ? randomPred(rv, model, paths.get(0)) : parts.size() == 1 ? parts.get(0) : new And(parts);
        }
        return randomCond(rv, model, 3);
    }

    private static Cond randomCond(RandomValues rv, Map<String, Value> model, int depth) {
        Random r = rv.random();
        int k = r.nextInt(10);
        if (depth > 0 && k < 2) {
            List<Cond> parts = new ArrayList<>();
            for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
                parts.add(randomCond(rv, model, depth - 1));
            }
            return new And(parts);
        }
        if (depth > 0 && k < 4) {
            List<Cond> parts = new ArrayList<>();
            for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
                parts.add(randomCond(rv, model, depth - 1));
            }
            return new Or(parts);
        }
        if (depth > 0 && k < 5) {
            return new Not(randomCond(rv, model, depth - 1));
        }
        if (k == 9) {
            return new QueryModel.All();
        }
        return randomPred(rv, model, FILTER_PATHS[rv.random().nextInt(FILTER_PATHS.length)]);
    }

    private static Cond eqFromData(RandomValues rv, Map<String, Value> model, String path) {
        return new Pred(Op.EQ, path, List.of(operand(rv, model, path)));
    }

    private static Cond inFromData(RandomValues rv, Map<String, Value> model, String path) {
        List<Value> values = new ArrayList<>();
        for (int i = 0, n = 1 + rv.random().nextInt(3); i < n; i++) {
            values.add(operand(rv, model, path));
        }
        return new Pred(Op.IN, path, values);
    }

    private static Cond randomPred(RandomValues rv, Map<String, Value> model, String path) {
        Random r = rv.random();
        Op[] weighted = {Op.EQ, Op.EQ, Op.EQ, Op.NE, Op.LT, Op.LTE, Op.GT, Op.GTE, Op.GT, Op.LT, Op.BETWEEN,
                Op.BETWEEN, Op.IN, Op.IN, Op.NOT_IN, Op.STARTS_WITH, Op.STARTS_WITH, Op.ENDS_WITH, Op.CONTAINS,
                Op.EXISTS, Op.NOT_EXISTS};
        Op op = weighted[r.nextInt(weighted.length)];
        switch (op) {
            case EXISTS, NOT_EXISTS:
                return new Pred(op, path, List.of());
            case BETWEEN: {
                Value a = operand(rv, model, path);
                Value b = r.nextInt(4) == 0 ? operand(rv, model, path) : sameKindNear(rv, a);
                if (r.nextInt(5) != 0 && QueryModel.compare(a, b) > 0) {
                    Value t = a;
                    a = b;
                    b = t;
                }
                return new Pred(op, path, List.of(a, b));
            }
            case IN, NOT_IN: {
                List<Value> values = new ArrayList<>();
                for (int i = 0, n = r.nextInt(5); i < n; i++) {
                    values.add(operand(rv, model, path));
                }
                return new Pred(op, path, values);
            }
            case STARTS_WITH, ENDS_WITH, CONTAINS:
                return new Pred(op, path, List.of(Value.of(affix(rv, model, path))));
            default:
                return new Pred(op, path, List.of(operand(rv, model, path)));
        }
    }

    /** Usually a value some document reaches at the path (so predicates hit), else a random one. */
    private static Value operand(RandomValues rv, Map<String, Value> model, String path) {
        Random r = rv.random();
        if (r.nextInt(10) < 6 && !model.isEmpty()) {
            for (int attempt = 0; attempt < 4; attempt++) {
                Value doc = randomDoc(r, model);
                List<Value> reached = QueryModel.reach(doc, path);
                if (!reached.isEmpty()) {
                    return reached.get(r.nextInt(reached.size()));
                }
            }
        }
        int k = r.nextInt(20);
        if (k == 0) {
            return rv.queryArray(1);
        }
        if (k == 1) {
            return Value.object().put("x", rv.queryScalar()).build();
        }
        return rv.queryScalar();
    }

    /** A value of the same kind close to {@code a} (for tight ranges, including int/float neighbours). */
    private static Value sameKindNear(RandomValues rv, Value a) {
        Random r = rv.random();
        if (a.kind() == ValueKind.INT) {
            long x = a.asLong();
            return r.nextBoolean() ? Value.of(x + r.nextInt(4) - 1) : Value.of(x + (r.nextInt(5) - 2) * 0.5);
        }
        if (a.kind() == ValueKind.FLOAT && !Double.isNaN(a.asDouble())) {
            double x = a.asDouble();
            return r.nextBoolean() ? Value.of(Math.rint(x + r.nextInt(3) - 1)) : Value.of(x + r.nextInt(3));
        }
        if (a.kind() == ValueKind.STRING) {
            return Value.of(rv.queryString());
        }
        return rv.queryScalar();
    }

    private static String affix(RandomValues rv, Map<String, Value> model, String path) {
        Random r = rv.random();
        if (r.nextBoolean() && !model.isEmpty()) {
            for (Value v : QueryModel.reach(randomDoc(r, model), path)) {
                if (v.kind() == ValueKind.STRING) {
                    String s = v.asString();
                    int cut = s.isEmpty() ? 0 : r.nextInt(s.length() + 1); // may split a surrogate pair
                    return r.nextBoolean() ? s.substring(0, cut) : s.substring(cut);
                }
            }
        }
        return PREFIXES[r.nextInt(PREFIXES.length)];
    }

    private static Value randomDoc(Random r, Map<String, Value> model) {
        // TreeMap: pick by walking from a random key (cheap enough for a few hundred documents).
        int skip = r.nextInt(model.size());
        for (Value v : model.values()) {
            if (skip-- == 0) {
                return v;
            }
        }
        throw new IllegalStateException();
    }
}
