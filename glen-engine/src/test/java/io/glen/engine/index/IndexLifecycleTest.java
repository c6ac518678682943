package io.glen.engine.index;

import io.glen.engine.internal.index.IndexCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.query.Filter;
import io.glen.engine.query.QueryPlan;
import io.glen.engine.testing.RandomValues;
import io.glen.engine.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, dropping and persisting index definitions: reopen, compaction, backup, validation. */
class IndexLifecycleTest {

    private static final String C = "users";
    private static final GlenOptions OPTIONS = GlenOptions.builder().walSync(WalSyncMode.NONE).build();

    @TempDir
    Path dir;

    private GlenDB open(Path path) {
        return GlenDB.open(path, OPTIONS);
    }

    private static Value user(String city, long age) {
        return Value.object().put("city", city).put("age", age).put("tags", Value.array(Value.of(city), Value.of("u")))
                .build();
    }

    private static void fill(GlenDB db, int from, int to) {
        Map<String, Value> batch = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            batch.put(String.format("u%03d", i), user(i % 2 == 0 ? "Oslo" : "Bergen", 20 + i % 10));
        }
        db.putMany(C, batch);
    }

    private static List<String> ids(List<Document> docs) {
        return docs.stream().map(Document::id).toList();
    }

    /** Every index of the collection answers exactly like a scan, and the planner uses it. */
    private static void assertIndexesExact(GlenDB db) {
        assertThat(ids(db.findBy(C, "by_city", Value.of("Oslo"))))
                .isEqualTo(ids(db.query(C).where(Filter.eq("city", "Oslo")).withoutIndexes().list()));
        assertThat(ids(db.findBy(C, "by_city_age", Value.of("Bergen"), Value.of(23))))
                .isEqualTo(ids(db.query(C).where(Filter.eq("city", "Bergen").and(Filter.eq("age", 23)))
                        .withoutIndexes().list()));
        assertThat(ids(db.findBy(C, "by_tags", Value.of("u")))).hasSize((int) db.count(C));
        assertThat(db.query(C).where(Filter.eq("city", "Oslo")).explain().index()).isEqualTo("by_city");
    }

    private static void createAll(GlenDB db) {
        db.createIndex(C, "by_city", "city");
        db.createIndex(C, "by_city_age", "city", "age");
        db.createIndex(C, "by_tags", "tags");
    }

    private static final List<IndexDefinition> ALL = List.of(new IndexDefinition("by_city", List.of("city")),
            new IndexDefinition("by_city_age", List.of("city", "age")), new IndexDefinition("by_tags", List.of("tags")));

    @Test
    void creatingAnIndexOnAPopulatedCollectionBuildsIt() {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 200);
            createAll(db);
            assertThat(db.findBy(C, "by_city", Value.of("Oslo"))).hasSize(100);
            assertIndexesExact(db);
        }
    }

    @Test
    void definitionsAndContentsSurviveCloseAndReopen() {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 50);
            createAll(db);
            fill(db, 50, 80); // only in the WAL: indexed again by replay on open
            db.delete(C, "u000");
        }
        try (GlenDB db = open(dir)) {
            assertThat(db.indexes(C)).containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(db.findBy(C, "by_city", Value.of("Oslo"))).hasSize(39);
            assertIndexesExact(db);
            fill(db, 80, 90); // maintained after reopen
            assertThat(db.findBy(C, "by_city", Value.of("Oslo"))).hasSize(44);
            assertIndexesExact(db);
        }
    }

    @Test
    void definitionsSurviveSnapshotsAndCompaction() {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 60);
            createAll(db);
            db.admin().snapshotAll();
            fill(db, 60, 70);
            db.admin().compact();
            assertIndexesExact(db);
            fill(db, 70, 75);
        }
        try (GlenDB db = open(dir)) {
            assertThat(db.indexes(C)).containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(db.count(C)).isEqualTo(75);
            assertIndexesExact(db);
        }
    }

    @Test
    void aBackupCarriesTheIndexDefinitions() {
        Path live = dir.resolve("live");
        Path backup = dir.resolve("backup");
        try (GlenDB db = open(live)) {
            fill(db, 0, 40);
            createAll(db);
            fill(db, 40, 60);
            db.admin().backup(backup);
            db.dropIndex(C, "by_tags"); // after the backup: not in it
        }
        try (GlenDB db = open(backup)) {
            assertThat(db.indexes(C)).containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(db.count(C)).isEqualTo(60);
            assertIndexesExact(db);
        }
    }

    @Test
    void droppedIndexesStayDroppedAcrossReopen() {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 20);
            createAll(db);
            assertThat(db.dropIndex(C, "by_city_age")).isTrue();
        }
        try (GlenDB db = open(dir)) {
            assertThat(db.indexes(C)).extracting(IndexDefinition::name).containsExactlyInAnyOrder("by_city", "by_tags");
        }
    }

    @Test
    void createIndexIsIdempotentForTheSamePaths() {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 10);
            assertThat(db.createIndex(C, "by_city_age", "city", "age")).isTrue();
            assertThat(db.createIndex(C, "by_city_age", "city", "age")).isFalse();
            assertThat(db.indexes(C)).containsExactly(new IndexDefinition("by_city_age", List.of("city", "age")));
            assertThat(db.findBy(C, "by_city_age", Value.of("Oslo"))).hasSize(5);
        }
    }

    @Test
    void aSameNamedIndexOnOtherPathsIsRejectedAndTheOriginalKept() {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 10);
            db.createIndex(C, "ix", "city", "age");
            assertThatThrownBy(() -> db.createIndex(C, "ix", "city")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> db.createIndex(C, "ix", "age", "city")).isInstanceOf(IllegalArgumentException.class);
            assertThat(db.indexes(C)).containsExactly(new IndexDefinition("ix", List.of("city", "age")));
            assertThat(db.findBy(C, "ix", Value.of("Oslo"), Value.of(20))).hasSize(1);
        }
    }

    @Test
    void theSameNameMayBeUsedInAnotherCollection() {
        try (GlenDB db = open(dir)) {
            assertThat(db.createIndex("a", "ix", "x")).isTrue();
            assertThat(db.createIndex("b", "ix", "y")).isTrue();
            db.put("a", "1", Value.object().put("x", 1).put("y", 2).build());
            db.put("b", "1", Value.object().put("x", 2).put("y", 1).build());
            assertThat(ids(db.findBy("a", "ix", Value.of(1)))).containsExactly("1");
            assertThat(ids(db.findBy("b", "ix", Value.of(1)))).containsExactly("1");
            assertThat(db.findBy("a", "ix", Value.of(2))).isEmpty();
        }
    }

    @Test
    void badIndexNamesAreRejected() {
        try (GlenDB db = open(dir)) {
            for (String bad : List.of("", " ", "has space", "../up", ".hidden", "a..b", "é", "a/b", "x".repeat(101))) {
                assertThatThrownBy(() -> db.createIndex(C, bad, "city")).as("name '%s'", bad)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(db.indexes(C)).isEmpty();
        }
    }

    @Test
    void badPathsAreRejected() {
        try (GlenDB db = open(dir)) {
            assertThatThrownBy(() -> db.createIndex(C, "none")).isInstanceOf(IllegalArgumentException.class);
            for (String bad : List.of("", ".", "a.", ".a", "a..b")) {
                assertThatThrownBy(() -> db.createIndex(C, "p", bad)).as("path '%s'", bad)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> db.createIndex(C, "twice", "a", "a")).isInstanceOf(IllegalArgumentException.class);
            assertThat(db.indexes(C)).isEmpty();
        }
    }

    @Test
    void aBadCollectionNameIsRejected() {
        try (GlenDB db = open(dir)) {
            assertThatThrownBy(() -> db.createIndex("bad name", "ix", "a")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void dropIndexRemovesItAndReportsWhetherItExisted() {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 10);
            createAll(db);
            assertThat(db.dropIndex(C, "by_city")).isTrue();
            assertThat(db.dropIndex(C, "by_city")).isFalse();
            assertThat(db.dropIndex("nope", "by_city")).isFalse();
            assertThat(db.indexes(C)).extracting(IndexDefinition::name).doesNotContain("by_city");
            assertThatThrownBy(() -> db.findBy(C, "by_city", Value.of("Oslo"))).isInstanceOf(IllegalArgumentException.class);
            assertThat(db.query(C).where(Filter.eq("city", "Oslo")).explain().index()).isEqualTo("by_city_age");
            db.dropIndex(C, "by_city_age");
            assertThat(db.query(C).where(Filter.eq("city", "Oslo")).explain().kind()).isEqualTo(QueryPlan.Kind.FULL_SCAN);
            assertThat(db.query(C).where(Filter.eq("city", "Oslo")).count()).isEqualTo(5);
        }
    }

    @Test
    void aDroppedNameCanBeReusedForOtherPaths() {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 10);
            db.createIndex(C, "ix", "city");
            db.dropIndex(C, "ix");
            assertThat(db.createIndex(C, "ix", "age")).isTrue();
            assertThat(db.findBy(C, "ix", Value.of(21))).hasSize(1);
        }
        try (GlenDB db = open(dir)) {
            assertThat(db.indexes(C)).containsExactly(new IndexDefinition("ix", List.of("age")));
        }
    }

    @Test
    void indexesOfAnUnknownCollectionIsEmpty() {
        try (GlenDB db = open(dir)) {
            assertThat(db.indexes("unknown")).isEmpty();
        }
    }

    @Test
    void anIndexCreatedOnAnEmptyCollectionIsFilledByLaterWritesAndSurvivesReopen() {
        try (GlenDB db = open(dir)) {
            db.createIndex("later", "by_v", "v");
        }
        try (GlenDB db = open(dir)) {
            assertThat(db.indexes("later")).containsExactly(new IndexDefinition("by_v", List.of("v")));
            db.put("later", "k", Value.object().put("v", "x").build());
            assertThat(ids(db.findBy("later", "by_v", Value.of("x")))).containsExactly("k");
        }
    }

    @Test
    void aLeftoverTemporaryCatalogIsIgnoredOnOpen() throws Exception {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 10);
            createAll(db);
        }
        Files.write(dir.resolve(IndexCatalog.TEMP_NAME), new byte[] {1, 2, 3});
        try (GlenDB db = open(dir)) {
            assertThat(db.indexes(C)).containsExactlyInAnyOrderElementsOf(ALL);
            assertIndexesExact(db);
        }
        assertThat(dir.resolve(IndexCatalog.TEMP_NAME)).doesNotExist();
    }

    @Test
    void randomDocumentsIndexedBeforeAndAfterReopenAnswerAlike() {
        RandomValues rv = new RandomValues(2024);
        List<Value> keys = new ArrayList<>();
        try (GlenDB db = open(dir)) {
            db.createIndex(C, "by_s_a", "s", "a");
            for (int i = 0; i < 150; i++) {
                Value d = rv.queryDocument();
                db.put(C, "r" + i, d);
                if (d.get("s") != null) {
                    keys.add(d.get("s"));
                }
            }
        }
        Map<Value, List<String>> before = new LinkedHashMap<>();
        try (GlenDB db = open(dir)) {
            for (Value k : keys) {
                before.put(k, ids(db.findBy(C, "by_s_a", k)));
                assertThat(before.get(k)).isEqualTo(ids(db.query(C).where(Filter.eq("s", k)).withoutIndexes().list()));
            }
            db.admin().compact();
        }
        try (GlenDB db = open(dir)) {
            for (Value k : keys) {
                assertThat(ids(db.findBy(C, "by_s_a", k))).as("key %s", k).isEqualTo(before.get(k));
            }
        }
    }

    @Test
    void aDamagedCatalogFailsTheOpenInsteadOfLosingTheIndexes() throws Exception {
        try (GlenDB db = open(dir)) {
            fill(db, 0, 10);
            createAll(db);
        }
        Path catalog = dir.resolve(IndexCatalog.FILE_NAME);
        byte[] bytes = Files.readAllBytes(catalog);
        bytes[bytes.length - 2] ^= 0x5A;
        Files.write(catalog, bytes);
        assertThatThrownBy(() -> open(dir).close()).isInstanceOf(io.glen.engine.GlenCorruptionException.class);
    }
}
