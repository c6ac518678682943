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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code count()}, {@code exists()}, {@code first()} and {@code stream()} agree with {@code list()}. */
class QueryResultFormsTest {

    private static final String C = "forms";

    @TempDir
    Path dir;

    GlenDB db;
    Map<String, Value> model;

    @BeforeEach
    void open() {
        db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.NONE).build());
        RandomValues rv = new RandomValues(1234);
        model = new TreeMap<>();
        for (int i = 0; i < 150; i++) {
            model.put("f" + i, rv.queryDocument());
        }
        db.putMany(C, model);
        db.createIndex(C, "by_a", "a");
        db.createIndex(C, "by_tags", "tags");
        db.createIndex(C, "by_s_a", "s", "a");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Query q(Cond cond, List<Sort> sorts) {
        Query q = db.query(C).where(cond.toFilter());
        sorts.forEach(s -> q.orderBy(s.path(), s.direction()));
        return q;
    }

    @Test
    void everyResultFormAgreesWithListOnRandomQueries() {
        RandomValues rv = new RandomValues(77);
        Random r = rv.random();
        String[] paths = {"a", "tags", "s", "n.x", "items.sku"};
        Op[] ops = {Op.EQ, Op.GT, Op.LTE, Op.IN, Op.STARTS_WITH, Op.EXISTS, Op.NE, Op.BETWEEN};
        for (int i = 0; i < 300; i++) {
            String path = paths[r.nextInt(paths.length)];
            Op op = ops[r.nextInt(ops.length)];
            List<Value> operands = switch (op) {
                case EXISTS -> List.of();
                case STARTS_WITH -> List.of(Value.of(rv.queryString()));
                case BETWEEN -> List.of(rv.queryScalar(), rv.queryScalar());
                case IN -> List.of(rv.queryScalar(), rv.queryScalar());
                default -> List.of(rv.queryScalar());
            };
            Cond cond = new Pred(op, path, operands);
            List<Sort> sorts = r.nextBoolean() ? List.of()
                    : List.of(new Sort(paths[r.nextInt(paths.length)], r.nextBoolean() ? Direction.ASC : Direction.DESC));
            String what = "case " + i + " " + cond + " " + sorts;
            List<String> expected = QueryModel.expected(model, cond, sorts, -1);
            List<String> listed = q(cond, sorts).list().stream().map(Document::id).toList();
            assertThat(listed).as(what).isEqualTo(expected);
            assertThat(q(cond, sorts).count()).as(what).isEqualTo(listed.size());
            assertThat(q(cond, sorts).exists()).as(what).isEqualTo(!listed.isEmpty());
            assertThat(q(cond, sorts).first().map(Document::id)).as(what).isEqualTo(listed.stream().findFirst());
            assertThat(q(cond, sorts).stream().map(Document::id).toList()).as(what).isEqualTo(listed);
            int limit = r.nextInt(5);
            assertThat(q(cond, sorts).limit(limit).stream().map(Document::id).toList()).as(what)
                    .isEqualTo(listed.subList(0, Math.min(limit, listed.size())));
        }
    }

    @Test
    void countIgnoresTheLimitAndTheCursor() {
        Cond cond = new Pred(Op.EXISTS, "a", List.of());
        long all = QueryModel.expected(model, cond, List.of(), -1).size();
        assertThat(all).isGreaterThan(10);
        assertThat(q(cond, List.of()).limit(3).count()).isEqualTo(all);
        Cursor cursor = q(cond, List.of(new Sort("a", Direction.ASC))).limit(5).page().next();
        assertThat(q(cond, List.of(new Sort("a", Direction.ASC))).after(cursor).count()).isEqualTo(all);
    }

    @Test
    void existsIgnoresTheCursorButFirstAndListHonourIt() {
        Cond cond = new Pred(Op.EXISTS, "a", List.of());
        List<Sort> byA = List.of(new Sort("a", Direction.ASC));
        List<String> all = QueryModel.expected(model, cond, byA, -1);
        // A cursor on the last row: page up to it while one more row (sorting last) exists, then drop that row.
        db.put(C, "zzz", Value.object().put("a", Value.object().put("k", 1).build()).build());
        Cursor atLast = q(cond, byA).limit(all.size()).page().next();
        db.delete(C, "zzz");
        assertThat(atLast).isNotNull();
        assertThat(q(cond, byA).after(atLast).list()).isEmpty();
        assertThat(q(cond, byA).after(atLast).first()).isEmpty();
        assertThat(q(cond, byA).after(atLast).exists()).isTrue();
        assertThat(q(cond, byA).after(atLast).count()).isEqualTo(all.size());
    }

    @Test
    void noMatchGivesEmptyFormsEverywhere() {
        Cond none = new Pred(Op.EQ, "a", List.of(Value.of("no such value")));
        assertThat(q(none, List.of()).list()).isEmpty();
        assertThat(q(none, List.of()).count()).isZero();
        assertThat(q(none, List.of()).exists()).isFalse();
        assertThat(q(none, List.of()).first()).isEqualTo(Optional.empty());
        assertThat(q(none, List.of()).stream()).isEmpty();
    }

    @Test
    void aMissingCollectionHasNoResultsInAnyForm() {
        Query q = db.query("absent").where(Filter.eq("a", 1));
        assertThat(q.list()).isEmpty();
        assertThat(q.count()).isZero();
        assertThat(q.exists()).isFalse();
        assertThat(q.first()).isEmpty();
        assertThat(db.query("absent").limit(3).page().documents()).isEmpty();
    }

    @Test
    void limitZeroReturnsNothing() {
        assertThat(db.query(C).limit(0).list()).isEmpty();
        assertThat(db.query(C).limit(0).count()).isEqualTo(model.size());
    }

    @Test
    void aNegativeLimitIsRejected() {
        assertThatThrownBy(() -> db.query(C).limit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueryMayBeRunManyTimesAndSeesNewWrites() {
        Query q = db.query(C).where(Filter.eq("a", "fresh-value"));
        assertThat(q.count()).isZero();
        db.put(C, "new1", Value.object().put("a", "fresh-value").build());
        assertThat(q.list()).extracting(Document::id).containsExactly("new1");
        assertThat(q.count()).isEqualTo(1);
        assertThat(q.first().map(Document::id)).contains("new1");
    }

    @Test
    void whereCalledTwiceAndsTheFilters() {
        Cond a = new Pred(Op.GTE, "a", List.of(Value.of(0)));
        Cond b = new Pred(Op.LT, "a", List.of(Value.of(5)));
        List<String> expected = QueryModel.expected(model, new QueryModel.And(List.of(a, b)), List.of(), -1);
        assertThat(db.query(C).where(a.toFilter()).where(b.toFilter()).list()).extracting(Document::id)
                .isEqualTo(expected);
    }
}
