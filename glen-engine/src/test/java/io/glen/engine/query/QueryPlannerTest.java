package io.glen.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Query#explain()} reports, and that each plan still returns exactly the scan's results. */
class QueryPlannerTest {

    private static final String C = "people";

    @TempDir
    Path dir;

    GlenDB db;

    @BeforeEach
    void open() {
        db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.NONE).build());
        // Scalar fields only, so no index is multi-valued.
        Map<String, Value> docs = new LinkedHashMap<>();
        String[] cities = {"Oslo", "Bergen", "Tromsø"};
        for (int i = 0; i < 60; i++) {
            docs.put(String.format("p%02d", i), Value.object()
                    .put("age", 20 + i % 30)
                    .put("city", cities[i % 3])
                    .put("name", "n" + i)
                    .put("zip", i % 7)
                    .build());
        }
        db.putMany(C, docs);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private QueryPlan explain(Filter filter) {
        return db.query(C).where(filter).explain();
    }

    /** The plan must not change results: indexed list() equals the scan. */
    private void assertSameAsScan(Filter filter) {
        List<String> indexed = db.query(C).where(filter).list().stream().map(Document::id).toList();
        List<String> scanned = db.query(C).where(filter).withoutIndexes().list().stream().map(Document::id).toList();
        assertThat(indexed).as("%s", filter).isEqualTo(scanned);
    }

    @Test
    void equalityOnASingleFieldIndexIsAnIndexEqualityOnThatIndex() {
        db.createIndex(C, "by_age", "age");
        db.createIndex(C, "by_city", "city");
        QueryPlan plan = explain(Filter.eq("city", "Oslo"));
        assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.INDEX_EQUALITY);
        assertThat(plan.index()).isEqualTo("by_city");
        assertThat(plan.usesIndex()).isTrue();
        assertSameAsScan(Filter.eq("city", "Oslo"));
    }

    @Test
    void rangePredicatesAreAnIndexRange() {
        db.createIndex(C, "by_age", "age");
        for (Filter f : List.of(Filter.gt("age", 30), Filter.gte("age", 30), Filter.lt("age", 30.5),
                Filter.lte("age", 30), Filter.between("age", 25, 35.0))) {
            QueryPlan plan = explain(f);
            assertThat(plan.kind()).as("%s", f).isEqualTo(QueryPlan.Kind.INDEX_RANGE);
            assertThat(plan.index()).as("%s", f).isEqualTo("by_age");
            assertSameAsScan(f);
        }
    }

    @Test
    void startsWithIsAnIndexRange() {
        db.createIndex(C, "by_city", "city");
        QueryPlan plan = explain(Filter.startsWith("city", "Tr"));
        assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.INDEX_RANGE);
        assertThat(plan.index()).isEqualTo("by_city");
        assertThat(db.query(C).where(Filter.startsWith("city", "Tr")).count()).isEqualTo(20);
    }

    @Test
    void inIsAnIndexIn() {
        db.createIndex(C, "by_zip", "zip");
        Filter f = Filter.in("zip", 1, 3.0, 3, 99);
        QueryPlan plan = explain(f);
        assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.INDEX_IN);
        assertThat(plan.index()).isEqualTo("by_zip");
        assertSameAsScan(f);
    }

    @Test
    void equalityOnACompositePrefixPlusARangeOnTheNextFieldIsAnIndexRangeOnTheComposite() {
        db.createIndex(C, "by_age", "age");
        db.createIndex(C, "by_city_age", "city", "age");
        Filter f = Filter.eq("city", "Oslo").and(Filter.gte("age", 30));
        QueryPlan plan = explain(f);
        assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.INDEX_RANGE);
        assertThat(plan.index()).isEqualTo("by_city_age");
        assertSameAsScan(f);
    }

    @Test
    void equalityOnACompositePrefixIsAnIndexEqualityOnTheComposite() {
        db.createIndex(C, "by_city_age", "city", "age");
        Filter f = Filter.eq("city", "Bergen");
        QueryPlan plan = explain(f);
        assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.INDEX_EQUALITY);
        assertThat(plan.index()).isEqualTo("by_city_age");
        assertThat(db.query(C).where(f).count()).isEqualTo(20);
    }

    @Test
    void equalityOnACompositePrefixPlusInOnTheNextFieldIsAnIndexIn() {
        db.createIndex(C, "by_city_zip", "city", "zip");
        Filter f = Filter.eq("city", "Oslo").and(Filter.in("zip", 0, 3));
        QueryPlan plan = explain(f);
        assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.INDEX_IN);
        assertThat(plan.index()).isEqualTo("by_city_zip");
        assertSameAsScan(f);
    }

    @Test
    void contradictoryRangeIsEmpty() {
        db.createIndex(C, "by_age", "age");
        Filter f = Filter.gt("age", 5).and(Filter.lt("age", 3));
        QueryPlan plan = explain(f);
        assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.EMPTY);
        assertThat(db.query(C).where(f).list()).isEmpty();
    }

    @Test
    void rangeBoundsOfDifferentKindsOnAScalarFieldAreEmpty() {
        db.createIndex(C, "by_age", "age");
        Filter f = Filter.gt("age", 5).and(Filter.lt("age", "zzz"));
        assertThat(explain(f).kind()).isEqualTo(QueryPlan.Kind.EMPTY);
        assertSameAsScan(f);
    }

    @Test
    void exclusiveBoundsMeetingAtOneValueAreEmpty() {
        db.createIndex(C, "by_age", "age");
        Filter f = Filter.gt("age", 30).and(Filter.lte("age", 30.0));
        assertThat(explain(f).kind()).isEqualTo(QueryPlan.Kind.EMPTY);
        Filter point = Filter.gte("age", 30).and(Filter.lte("age", 30.0));
        assertThat(explain(point).kind()).isEqualTo(QueryPlan.Kind.INDEX_RANGE);
        assertThat(db.query(C).where(point).count()).isEqualTo(2);
    }

    @Test
    void inWithNoValuesIsEmptyAndMatchesNothingWithOrWithoutIndexes() {
        db.createIndex(C, "by_zip", "zip");
        Filter f = Filter.in("zip", List.of());
        assertThat(explain(f).kind()).isEqualTo(QueryPlan.Kind.EMPTY);
        assertThat(db.query(C).where(f).list()).isEmpty();
        assertThat(db.query(C).where(f).withoutIndexes().list()).isEmpty();
        assertThat(db.query(C).where(Filter.notIn("zip", List.of())).withoutIndexes().count()).isEqualTo(60);
        assertThat(db.query(C).where(Filter.notIn("zip", List.of())).count()).isEqualTo(60);
    }

    @Test
    void rangesOnAMultiValuedFieldAreNotIntersected() {
        // gt 5 holds for 10 and lt 3 for 1: by the documented semantics the document matches both.
        db.put(C, "multi", Value.object().put("age", Value.array(Value.of(1), Value.of(10))).build());
        db.createIndex(C, "by_age", "age");
        Filter f = Filter.gt("age", 5).and(Filter.lt("age", 3));
        assertThat(explain(f).kind()).isNotEqualTo(QueryPlan.Kind.EMPTY);
        assertThat(db.query(C).where(f).list()).extracting(Document::id).containsExactly("multi");
        Filter between = Filter.between("age", 3, 5);
        assertThat(db.query(C).where(between).list()).extracting(Document::id).contains("multi");
        assertSameAsScan(between);
    }

    @Test
    void rangesIntersectAgainOnceTheMultiValuedDocumentIsGone() {
        db.createIndex(C, "by_age", "age");
        db.put(C, "multi", Value.object().put("age", Value.array(Value.of(1), Value.of(10))).build());
        Filter f = Filter.gt("age", 5).and(Filter.lt("age", 3));
        assertThat(explain(f).kind()).isNotEqualTo(QueryPlan.Kind.EMPTY);
        db.put(C, "multi", Value.object().put("age", 7).build());
        assertThat(explain(f).kind()).isEqualTo(QueryPlan.Kind.EMPTY);
        db.put(C, "multi", Value.object().put("age", Value.array(Value.of(1), Value.of(10))).build());
        db.delete(C, "multi");
        assertThat(explain(f).kind()).isEqualTo(QueryPlan.Kind.EMPTY);
    }

    @Test
    void noUsableIndexOrOrOrNotIsAFullScan() {
        db.createIndex(C, "by_age", "age");
        db.createIndex(C, "by_city_zip", "city", "zip");
        List<Filter> unusable = List.of(
                Filter.eq("name", "n3"),
                Filter.eq("age", 30).or(Filter.eq("age", 31)),
                Filter.not(Filter.eq("age", 30)),
                Filter.ne("age", 30),
                Filter.notIn("age", List.of(30, 31)),
                Filter.endsWith("city", "lo"),
                Filter.contains("city", "s"),
                Filter.exists("age"),
                Filter.notExists("age"),
                Filter.eq("zip", 3), // second path of a composite only
                Filter.all());
        for (Filter f : unusable) {
            QueryPlan plan = explain(f);
            assertThat(plan.kind()).as("%s", f).isEqualTo(QueryPlan.Kind.FULL_SCAN);
            assertThat(plan.index()).as("%s", f).isNull();
            assertThat(plan.usesIndex()).as("%s", f).isFalse();
            assertSameAsScan(f);
        }
    }

    @Test
    void aUsableConjunctIsUsedWhenOtherConjunctsAreNot() {
        db.createIndex(C, "by_age", "age");
        Filter f = Filter.eq("age", 30).and(Filter.eq("name", "n10").or(Filter.eq("name", "n40")));
        QueryPlan plan = explain(f);
        assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.INDEX_EQUALITY);
        assertThat(plan.index()).isEqualTo("by_age");
        assertSameAsScan(f);
    }

    @Test
    void prefersTheLongerEqualityPrefix() {
        db.createIndex(C, "by_city", "city");
        db.createIndex(C, "by_city_zip", "city", "zip");
        db.createIndex(C, "by_city_zip_age", "city", "zip", "age");
        Filter two = Filter.eq("city", "Oslo").and(Filter.eq("zip", 3));
        assertThat(explain(two).index()).isEqualTo("by_city_zip");
        assertThat(explain(two).kind()).isEqualTo(QueryPlan.Kind.INDEX_EQUALITY);
        Filter three = Filter.eq("age", 30).and(two);
        assertThat(explain(three).index()).isEqualTo("by_city_zip_age");
        assertThat(explain(three).kind()).isEqualTo(QueryPlan.Kind.INDEX_EQUALITY);
        assertSameAsScan(two);
        assertSameAsScan(three);
    }

    @Test
    void prefersEqualityOverARange() {
        db.createIndex(C, "by_age", "age");
        db.createIndex(C, "by_zip", "zip");
        Filter f = Filter.gt("age", 25).and(Filter.eq("zip", 2));
        assertThat(explain(f).index()).isEqualTo("by_zip");
        assertThat(explain(f).kind()).isEqualTo(QueryPlan.Kind.INDEX_EQUALITY);
    }

    @Test
    void prefersTheNarrowerIndexForTheSameEquality() {
        db.createIndex(C, "by_city_zip", "city", "zip");
        db.createIndex(C, "by_city", "city");
        assertThat(explain(Filter.eq("city", "Oslo")).index()).isEqualTo("by_city");
    }

    @Test
    void withoutIndexesIsAlwaysAFullScan() {
        db.createIndex(C, "by_age", "age");
        assertThat(db.query(C).where(Filter.eq("age", 30)).withoutIndexes().explain().kind())
                .isEqualTo(QueryPlan.Kind.FULL_SCAN);
    }

    @Test
    void useIndexForcesAnIndexThatCanServe() {
        db.createIndex(C, "by_city", "city");
        db.createIndex(C, "by_city_zip", "city", "zip");
        Query q = db.query(C).where(Filter.eq("city", "Oslo")).useIndex("by_city_zip");
        assertThat(q.explain().index()).isEqualTo("by_city_zip");
        assertThat(q.list()).hasSize(20);
    }

    @Test
    void useIndexRejectsAnIndexThatCannotServeOrDoesNotExist() {
        db.createIndex(C, "by_city", "city");
        assertThatThrownBy(() -> db.query(C).where(Filter.eq("age", 3)).useIndex("by_city").list())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.query(C).where(Filter.eq("city", "Oslo")).useIndex("nope").list())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainOnAMissingCollectionIsEmptyWithoutAnIndex() {
        QueryPlan plan = db.query("ghosts").where(Filter.eq("a", 1)).explain();
        assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.EMPTY);
        assertThat(plan.usesIndex()).isFalse();
        assertThat(db.query("ghosts").list()).isEmpty();
    }

    @Test
    void droppingTheIndexFallsBackToAScan() {
        db.createIndex(C, "by_age", "age");
        assertThat(explain(Filter.eq("age", 30)).kind()).isEqualTo(QueryPlan.Kind.INDEX_EQUALITY);
        db.dropIndex(C, "by_age");
        assertThat(explain(Filter.eq("age", 30)).kind()).isEqualTo(QueryPlan.Kind.FULL_SCAN);
        assertThat(db.query(C).where(Filter.eq("age", 30)).count()).isEqualTo(2);
    }

    @Test
    void startsWithBoundsHandleNonAsciiTheTopOfTheBmpAndSurrogatePairs() {
        db.createIndex(C, "by_label", "label");
        String[] names = {"a", "a\uFFFF", "a\uFFFFb", "a\uD800\uDC00", "a\uD83D\uDE00", "a\uD83D\uDE00z", "a\uE000",
                "a\uD7FF", "b", "\uDBFF\uDFFF", "\uDBFF\uDFFFz", "\uFFFF", "é", "éa", "日本", "\uD83D\uDE00"};
        for (int i = 0; i < names.length; i++) {
            db.put(C, "s" + i, Value.object().put("label", names[i]).build());
        }
        String[] prefixes = {"", "a", "a\uFFFF", "a\uD83D", "a\uD83D\uDE00", "a\uD7FF", "\uDBFF\uDFFF", "\uDBFF", "\uFFFF",
                "é", "日", "\uD83D"};
        for (String prefix : prefixes) {
            Filter f = Filter.startsWith("label", prefix);
            assertThat(explain(f).kind()).as("prefix %s", prefix).isEqualTo(QueryPlan.Kind.INDEX_RANGE);
            List<String> expected = new java.util.ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                if (names[i].startsWith(prefix)) {
                    expected.add("s" + i);
                }
            }
            assertThat(db.query(C).where(f).list()).extracting(Document::id).as("prefix %s", QueryModel.show(Value.of(prefix)))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertSameAsScan(f);
        }
    }

    @Test
    void theSuccessorOfAPrefixIsTheSmallestStringAboveAllItsExtensions() {
        assertThat(QueryPlanner.successor("a")).isEqualTo("b");
        assertThat(QueryPlanner.successor("a\uFFFF")).isEqualTo("a\uD800\uDC00");
        assertThat(QueryPlanner.successor("\uD7FF")).isEqualTo("\uE000");
        assertThat(QueryPlanner.successor("a\uD83D\uDE00")).isEqualTo("a\uD83D\uDE01");
        assertThat(QueryPlanner.successor("a\uDBFF\uDFFF")).isEqualTo("b");
        assertThat(QueryPlanner.successor("\uDBFF\uDFFF")).isNull();
        assertThat(QueryPlanner.successor("")).isNull();
    }
}
