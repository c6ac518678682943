package io.glen.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query sorted by the index path after its equality prefix streams in index order, both
 * directions: {@code explain()} says so, the rows equal a scan's, and a top-N query reads about N
 * documents rather than every match (counted as cache misses: the cache is off, every read decodes).
 */
class IndexOrderTest {

    @TempDir
    Path dir;

    private GlenDB open() {
        GlenDB db = GlenDB.open(dir, GlenOptions.builder().cacheCapacityBytes(0).build());
        db.createIndex("orders", "by_status_total", "status", "total");
        db.createIndex("orders", "by_total", "total");
        for (int i = 0; i < 2_000; i++) {
            db.put("orders", "o" + i, Value.object().put("status", i % 2 == 0 ? "NEW" : "PAID")
                    .put("total", (i * 37) % 500).build());
        }
        return db;
    }

    private static List<String> ids(List<Document> docs) {
        return docs.stream().map(Document::id).toList();
    }

    @Test
    void topTenByStatusOrderedByTotalDescendingReadsAboutTenDocuments() {
        try (GlenDB db = open()) {
            Query query = db.query("orders").where(Filter.eq("status", "NEW")).orderBy("total", Direction.DESC).limit(10);
            QueryPlan plan = query.explain();
            assertThat(plan.index()).isEqualTo("by_status_total");
            assertThat(plan.inIndexOrder()).isTrue();
            long missesBefore = db.admin().cacheStats().misses();

            List<Document> top = query.list();

            assertThat(db.admin().cacheStats().misses() - missesBefore).as("documents read").isLessThanOrEqualTo(11);
            assertThat(ids(top)).isEqualTo(ids(db.query("orders").where(Filter.eq("status", "NEW"))
                    .orderBy("total", Direction.DESC).limit(10).withoutIndexes().list()));
        }
    }

    @Test
    void aRangeOrderedByItsPathStreamsInBothDirectionsWithIdsAscendingAmongTies() {
        try (GlenDB db = open()) {
            for (Direction direction : Direction.values()) {
                Query query = db.query("orders").where(Filter.gte("total", 100).and(Filter.lt("total", 140)))
                        .orderBy("total", direction);
                assertThat(query.explain().inIndexOrder()).as("%s", direction).isTrue();
                List<Document> rows = query.list();
                assertThat(ids(rows)).as("%s", direction).isEqualTo(ids(db.query("orders")
                        .where(Filter.gte("total", 100).and(Filter.lt("total", 140))).orderBy("total", direction)
                        .withoutIndexes().list()));
                assertThat(rows).hasSizeGreaterThan(50);
            }
        }
    }

    @Test
    void keysetPagesOfAnIndexOrderedQueryCoverTheResultOnce() {
        try (GlenDB db = open()) {
            Query query = db.query("orders").where(Filter.eq("status", "PAID")).orderBy("total", Direction.DESC)
                    .limit(70);
            List<String> paged = new java.util.ArrayList<>();
            QueryPage page = query.page();
            while (true) {
                page.documents().forEach(d -> paged.add(d.id()));
                if (page.next() == null) {
                    break;
                }
                page = query.after(page.next()).page();
            }
            assertThat(paged).isEqualTo(ids(db.query("orders").where(Filter.eq("status", "PAID"))
                    .orderBy("total", Direction.DESC).withoutIndexes().list()));
        }
    }

    @Test
    void aSortOnAPathWhereSomeDocumentHoldsAnArrayIsNotServedInIndexOrder() {
        try (GlenDB db = open()) {
            db.put("orders", "multi", Value.object().put("status", "NEW").put("total", Value.array(Value.of(3),
                    Value.of(900))).build());
            Query query = db.query("orders").where(Filter.eq("status", "NEW")).orderBy("total", Direction.DESC).limit(5);
            assertThat(query.explain().inIndexOrder()).isFalse();
            assertThat(ids(query.list())).isEqualTo(ids(db.query("orders").where(Filter.eq("status", "NEW"))
                    .orderBy("total", Direction.DESC).limit(5).withoutIndexes().list()));
        }
    }
}
