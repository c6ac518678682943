package io.glen.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.query.QueryModel.Cond;
import io.glen.engine.query.QueryModel.Op;
import io.glen.engine.query.QueryModel.Pred;
import io.glen.engine.query.QueryModel.Sort;
import io.glen.engine.testing.RandomValues;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyset paging with {@link Query#page()} and {@link Query#after(Cursor)}. */
class KeysetPagingTest {

    private static final String C = "rows";
    private static final String[] SORT_PATHS = {"a", "b", "s", "n.x", "tags", "tags.0", "zz"};

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

    private Query query(Filter filter, List<Sort> sorts) {
        Query q = db.query(C).where(filter);
        sorts.forEach(s -> q.orderBy(s.path(), s.direction()));
        return q;
    }

    private static List<Sort> randomSorts(Random r) {
        List<Sort> sorts = new ArrayList<>();
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            sorts.add(new Sort(SORT_PATHS[r.nextInt(SORT_PATHS.length)], r.nextBoolean() ? Direction.ASC : Direction.DESC));
        }
        return sorts;
    }

    private static Cond randomCond(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> new QueryModel.All();
            case 1 -> new Pred(Op.GTE, "a", List.of(Value.of(0)));
            case 2 -> new Pred(Op.EXISTS, "s", List.of());
            case 3 -> new QueryModel.Or(List.of(new Pred(Op.STARTS_WITH, "s", List.of(Value.of("a"))),
                    new Pred(Op.LT, "a", List.of(Value.of(5)))));
            default -> new Pred(Op.IN, "a", List.of(Value.of(1), Value.of(2), Value.of(3), Value.of(3.5), Value.of("a"),
                    Value.of("ab"), Value.TRUE));
        };
    }

    private Map<String, Value> load(RandomValues rv, int n) {
        Map<String, Value> model = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            model.put(String.format("r%03d", i), rv.queryDocument());
        }
        db.putMany(C, model);
        return model;
    }

    @Test
    void pagesConcatenateToTheFullResultInOrder() {
        Map<String, Value> model = load(new RandomValues(9000), 150);
        db.createIndex(C, "by_a", "a");
        db.createIndex(C, "by_s_a", "s", "a");
        for (int seed = 0; seed < 60; seed++) {
            Random r = new Random(9000 + seed);
            List<Sort> sorts = randomSorts(r);
            Cond cond = randomCond(r);
            Filter filter = cond.toFilter();
            int size = 1 + r.nextInt(12);
            String what = "seed " + seed + " filter " + cond + " order " + sorts + " size " + size;
            List<String> all = query(filter, sorts).list().stream().map(Document::id).toList();
            assertThat(all).as(what).isEqualTo(QueryModel.expected(model, cond, sorts, -1));
            List<String> paged = new ArrayList<>();
            Cursor cursor = null;
            int pages = 0;
            do {
                QueryPage page = query(filter, sorts).limit(size).after(cursor).page();
                assertThat(page.documents()).as(what).hasSizeLessThanOrEqualTo(size);
                if (page.hasNext()) {
                    assertThat(page.documents()).as(what + ": a page with a next cursor is full").hasSize(size);
                }
                page.documents().forEach(d -> paged.add(d.id()));
                cursor = page.next();
                pages++;
                assertThat(pages).as(what + ": paging terminates").isLessThanOrEqualTo(all.size() / size + 2);
            } while (cursor != null);
            assertThat(paged).as(what).isEqualTo(all);
        }
    }

    @Test
    void pagingSurvivesInsertsAndDeletesIncludingTheCursorRow() {
        for (int seed = 0; seed < 25; seed++) {
            RandomValues rv = new RandomValues(7700 + seed);
            Random r = rv.random();
            for (String id : db.getAll(C).keySet()) {
                db.delete(C, id);
            }
            for (var def : db.indexes(C)) {
                db.dropIndex(C, def.name());
            }
            Map<String, Value> model = load(rv, 80 + r.nextInt(60));
            if (r.nextBoolean()) {
                db.createIndex(C, "by_a", "a");
            }
            List<Sort> sorts = randomSorts(r);
            Cond cond = randomCond(r);
            Filter filter = cond.toFilter();
            int size = 1 + r.nextInt(9);
            Set<String> stable = new HashSet<>(model.keySet()); // present from start to end, never rewritten
            Set<String> seen = new HashSet<>();
            List<Document> previous = null;
            Cursor cursor = null;
            int next = 1000;
            String what = "seed " + seed + " filter " + cond + " order " + sorts + " size " + size;
            for (int pages = 0; ; pages++) {
                assertThat(pages).as(what + ": paging terminates").isLessThan(1000);
                QueryPage page = query(filter, sorts).limit(size).after(cursor).page();
                List<Document> docs = page.documents();
                for (int i = 0; i < docs.size(); i++) {
                    Document d = docs.get(i);
                    assertThat(cond.test(d.value())).as(what + ": %s matches", d.id()).isTrue();
                    assertThat(seen.add(d.id())).as(what + ": %s repeated", d.id()).isTrue();
                    if (i > 0) {
                        assertThat(compare(sorts, docs.get(i - 1), d)).as(what + ": page in order").isNegative();
                    } else if (previous != null && !previous.isEmpty()) {
                        assertThat(compare(sorts, previous.get(previous.size() - 1), d))
                                .as(what + ": %s sorts after the previous cursor", d.id()).isNegative();
                    }
                }
                if (page.next() == null) {
                    break;
                }
                previous = docs;
                cursor = page.next();
                // Mutate between pages: delete the cursor row, delete and insert random rows.
                String cursorRow = docs.get(docs.size() - 1).id();
                if (r.nextBoolean()) {
                    db.delete(C, cursorRow);
                    model.remove(cursorRow);
                    stable.remove(cursorRow);
                }
                for (int k = 0, n = r.nextInt(4); k < n; k++) {
                    if (r.nextBoolean() && !model.isEmpty()) {
                        String victim = new ArrayList<>(model.keySet()).get(r.nextInt(model.size()));
                        db.delete(C, victim);
                        model.remove(victim);
                        stable.remove(victim);
                    } else {
                        String id = String.format("r%03d", next++);
                        Value v = rv.queryDocument();
                        db.put(C, id, v);
                        model.put(id, v);
                    }
                }
            }
            for (String id : stable) {
                if (cond.test(model.get(id))) {
                    assertThat(seen).as(what + ": row %s existed throughout and was skipped", id).contains(id);
                }
            }
        }
    }

    private static int compare(List<Sort> sorts, Document a, Document b) {
        return QueryModel.order(sorts).compare(new QueryModel.Row(a.id(), a.value()), new QueryModel.Row(b.id(), b.value()));
    }

    @Test
    void rowsInsertedBeforeTheCursorAreNotReturnedAndRowsAfterItAre() {
        for (int i = 1; i <= 6; i++) {
            db.put(C, "k" + i, Value.object().put("v", i * 10).build());
        }
        db.createIndex(C, "by_v", "v");
        QueryPage first = db.query(C).where(Filter.gte("v", 0)).orderBy("v").limit(3).page();
        assertThat(first.documents()).extracting(Document::id).containsExactly("k1", "k2", "k3");
        db.delete(C, "k3"); // the cursor row
        db.put(C, "early", Value.object().put("v", 15).build());
        db.put(C, "late", Value.object().put("v", 45).build());
        db.put(C, "tie", Value.object().put("v", 30).build()); // same key as the cursor, id "tie" > "k3"
        List<String> rest = db.query(C).where(Filter.gte("v", 0)).orderBy("v").after(first.next()).list()
                .stream().map(Document::id).toList();
        assertThat(rest).containsExactly("tie", "k4", "late", "k5", "k6");
    }

    @Test
    void descendingPagesPutMissingFieldsLast() {
        db.put(C, "m1", Value.object().put("x", 1).build());
        db.put(C, "m2", Value.object().build());
        db.put(C, "m3", Value.object().put("x", 3).build());
        db.put(C, "m0", Value.object().build());
        List<String> ids = new ArrayList<>();
        Cursor cursor = null;
        do {
            QueryPage page = db.query(C).orderBy("x", Direction.DESC).limit(1).after(cursor).page();
            page.documents().forEach(d -> ids.add(d.id()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(ids).containsExactly("m3", "m1", "m0", "m2");
    }

    @Test
    void aTokenParsesBackToAnEqualCursorThatContinuesTheSameWay() {
        RandomValues rv = new RandomValues(31);
        load(rv, 120);
        for (int seed = 0; seed < 30; seed++) {
            Random r = new Random(seed);
            List<Sort> sorts = randomSorts(r);
            QueryPage page = query(Filter.all(), sorts).limit(1 + r.nextInt(20)).page();
            Cursor cursor = page.next();
            assertThat(cursor).isNotNull();
            String token = cursor.token();
            assertThat(token).matches("[A-Za-z0-9_-]+");
            Cursor parsed = Cursor.parse(token);
            assertThat(parsed).as("seed %d", seed).isEqualTo(cursor);
            assertThat(parsed.token()).isEqualTo(token);
            List<String> viaOriginal = query(Filter.all(), sorts).limit(7).after(cursor).list().stream().map(Document::id).toList();
            List<String> viaParsed = query(Filter.all(), sorts).limit(7).after(parsed).list().stream().map(Document::id).toList();
            assertThat(viaParsed).isEqualTo(viaOriginal);
        }
    }

    @Test
    void aCursorWithAMissingSortValueRoundTrips() {
        db.put(C, "a", Value.object().build());
        db.put(C, "b", Value.object().build());
        Cursor cursor = db.query(C).orderBy("nothing").orderBy("n.x", Direction.DESC).limit(1).page().next();
        Cursor parsed = Cursor.parse(cursor.token());
        assertThat(parsed).isEqualTo(cursor);
        assertThat(db.query(C).orderBy("nothing").orderBy("n.x", Direction.DESC).after(parsed).list())
                .extracting(Document::id).containsExactly("b");
    }

    @Test
    void aCursorFromADifferentlyOrderedQueryIsRejected() {
        load(new RandomValues(5), 20);
        Cursor byA = db.query(C).orderBy("a").limit(2).page().next();
        Cursor unordered = db.query(C).limit(2).page().next();
        assertThatThrownBy(() -> db.query(C).orderBy("a", Direction.DESC).after(byA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.query(C).orderBy("b").after(byA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.query(C).orderBy("a").orderBy("b").after(byA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.query(C).after(byA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.query(C).orderBy("a").after(unordered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.query(C).orderBy("a").after(Cursor.parse(unordered.token())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.query(C).where(Filter.exists("a")).orderBy("a").after(byA).limit(1).list()).isNotNull();
    }

    @Test
    void aCursorIsRejectedEvenWhenTheOrderIsChangedAfterAfter() {
        load(new RandomValues(6), 20);
        Cursor unordered = db.query(C).limit(2).page().next();
        Cursor byA = db.query(C).orderBy("a").limit(2).page().next();
        assertThatThrownBy(() -> db.query(C).after(unordered).orderBy("a").list())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.query(C).orderBy("a").after(byA).orderBy("b").limit(3).page())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageNeedsALimit() {
        assertThatThrownBy(() -> db.query(C).page()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLastPageHasNoNextCursor() {
        load(new RandomValues(8), 10);
        QueryPage page = db.query(C).limit(10).page();
        assertThat(page.documents()).hasSize(10);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.next()).isNull();
        QueryPage bigger = db.query(C).limit(50).page();
        assertThat(bigger.documents()).hasSize(10);
        assertThat(bigger.hasNext()).isFalse();
    }

    @Test
    void garbageTokensAreRejectedWithIllegalArgumentException() {
        List<String> garbage = new ArrayList<>(List.of("", "!!!!", "not a token", "AAAA", "____", "a", "=="));
        // Well-formed values of the wrong shape.
        List<Value> shapes = List.of(
                Value.of(5),
                Value.object().build(),
                Value.object().put("o", Value.array()).put("k", Value.array()).build(),
                Value.object().put("o", Value.array(Value.of("UP:a"))).put("k", Value.array(Value.object().put("v", 1).build())).put("i", "x").build(),
                Value.object().put("o", Value.array(Value.of("ASC"))).put("k", Value.array(Value.object().put("v", 1).build())).put("i", "x").build(),
                Value.object().put("o", Value.array(Value.of("ASC:"))).put("k", Value.array(Value.object().put("v", 1).build())).put("i", "x").build(),
                Value.object().put("o", Value.array(Value.of(1))).put("k", Value.array(Value.object().put("v", 1).build())).put("i", "x").build(),
                Value.object().put("o", Value.array(Value.of("ASC:a"))).put("k", Value.array()).put("i", "x").build(),
                Value.object().put("o", Value.array(Value.of("ASC:a"))).put("k", Value.array(Value.object().put("v", 1).build())).put("i", 7).build(),
                Value.object().put("o", Value.array(Value.of("ASC:a"))).put("k", Value.array(Value.object().put("v", 1).build())).build(),
                Value.object().put("o", Value.of("ASC:a")).put("k", Value.array(Value.object().put("v", 1).build())).put("i", "x").build(),
                Value.object().put("o", Value.array(Value.of("ASC:a"))).put("k", Value.array(Value.of(1))).put("i", "x").build());
        for (Value shape : shapes) {
            garbage.add(java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(io.glen.engine.value.ValueCodec.encode(shape)));
        }
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < garbage.size(); i++) {
            String token = garbage.get(i);
            try {
                accepted.add("#" + i + " " + token + " -> " + Cursor.parse(token));
            } catch (IllegalArgumentException expected) {
                // rejected: fine
            }
        }
        assertThat(accepted).as("accepted garbage").isEmpty();
    }

    @Test
    void randomAndCorruptedTokensNeverFailWithAnythingButIllegalArgumentException() {
        load(new RandomValues(9), 30);
        String valid = db.query(C).orderBy("a").orderBy("s", Direction.DESC).limit(3).page().next().token();
        byte[] validBytes = java.util.Base64.getUrlDecoder().decode(valid);
        Random r = new Random(424242);
        int parsed = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[r.nextInt(40)];
                r.nextBytes(bytes);
            } else {
                bytes = validBytes.clone();
                for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                    bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
                }
                if (r.nextInt(4) == 0) {
                    bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length));
                }
            }
            String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                Cursor.parse(token);
                parsed++;
            } catch (IllegalArgumentException expected) {
                // rejected: fine
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + i + ": token " + token + " failed with " + e, e);
            }
        }
        assertThat(parsed).as("some corruptions still parse (they change a value), most do not").isLessThan(3000);
    }
}
