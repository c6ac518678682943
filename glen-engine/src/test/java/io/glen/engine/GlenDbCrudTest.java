package io.glen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document API: put, get, getDocument, getMany, getAll, stream, delete(Many), putMany, version, count. */
class GlenDbCrudTest {

    @TempDir
    Path dir;

    private GlenDB db;

    @BeforeEach
    void open() {
        db = GlenDB.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Value doc(String name) {
        return Value.object().put("name", name).put("n", name.length()).build();
    }

    // ------------------------------------------------------------------ put / get

    @Test
    void getReturnsWhatPutStored() {
        db.put("users", "ada", doc("Ada"));

        assertThat(db.get("users", "ada")).isEqualTo(doc("Ada"));
    }

    @Test
    void getOfAnAbsentDocumentOrCollectionIsNull() {
        db.put("users", "ada", doc("Ada"));

        assertThat(db.get("users", "bob")).isNull();
        assertThat(db.get("nowhere", "ada")).isNull();
    }

    @Test
    void storingValueNullIsDistinctFromAbsence() {
        db.put("users", "nobody", Value.NULL);

        assertThat(db.get("users", "nobody")).isEqualTo(Value.NULL);
        assertThat(db.count("users")).isEqualTo(1);
    }

    @Test
    void putOfAJavaNullIsRejectedAndWritesNothing() {
        assertThatThrownBy(() -> db.put("users", "ada", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Value.NULL");
        assertThat(db.stats().lsn()).isZero();
        assertThat(db.collections()).isEmpty();
    }

    @Test
    void putOverwritesThePreviousValueWithAHigherVersion() {
        long first = db.put("users", "ada", doc("Ada"));
        long second = db.put("users", "ada", doc("Ada Lovelace"));

        assertThat(second).isGreaterThan(first);
        assertThat(db.get("users", "ada")).isEqualTo(doc("Ada Lovelace"));
        assertThat(db.version("users", "ada")).isEqualTo(second);
        assertThat(db.count("users")).isEqualTo(1);
    }

    @Test
    void putOfAnEqualValueStillProducesANewVersion() {
        long first = db.put("users", "ada", doc("Ada"));
        long second = db.put("users", "ada", doc("Ada"));

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void versionsStrictlyIncreaseAcrossDocumentsAndCollections() {
        List<Long> versions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            versions.add(db.put(i % 2 == 0 ? "even" : "odd", "d" + (i % 5), Value.of(i)));
        }

        assertThat(versions).isSorted().doesNotHaveDuplicates();
        assertThat(versions.get(0)).isPositive();
    }

    @Test
    void versionIsThatOfTheLastWriteAndZeroWhenAbsent() {
        long v = db.put("users", "ada", doc("Ada"));
        db.put("users", "bob", doc("Bob"));

        assertThat(db.version("users", "ada")).isEqualTo(v);
        assertThat(db.version("users", "cy")).isZero();
        assertThat(db.version("nowhere", "ada")).isZero();
    }

    @Test
    void versionsAreNeverReusedAfterDeleteAndRecreate() {
        long created = db.put("users", "ada", doc("Ada"));
        db.delete("users", "ada");
        long recreated = db.put("users", "ada", doc("Ada"));

        assertThat(recreated).isGreaterThan(created);
    }

    @Test
    void versionsAreNeverReusedAfterADeleteThatWasTheLastWriteBeforeReopen() {
        db.put("users", "ada", doc("Ada"));
        for (int i = 0; i < 3; i++) {
            db.put("users", "tmp" + i, Value.of(i));
        }
        db.delete("users", "tmp2");
        long deleted = db.stats().lsn();
        db.close();

        db = GlenDB.open(dir);
        long recreated = db.put("users", "tmp2", Value.of(2));

        assertThat(recreated).isGreaterThan(deleted);
    }

    @Test
    void versionsAreNeverReusedAfterACompactionThatCoveredADelete() {
        db.put("users", "ada", doc("Ada"));
        db.put("users", "bob", doc("Bob"));
        db.delete("users", "bob");
        long lastBeforeCompaction = db.stats().lsn();
        db.admin().compact();
        db.close();

        db = GlenDB.open(dir);
        long recreated = db.put("users", "bob", doc("Bob"));

        assertThat(recreated).isGreaterThan(lastBeforeCompaction);
    }

    // ------------------------------------------------------------------ getDocument

    @Test
    void getDocumentCarriesCollectionIdVersionAndValue() {
        long v = db.put("users", "ada", doc("Ada"));

        Document document = db.getDocument("users", "ada");

        assertThat(document).isEqualTo(new Document("users", "ada", v, doc("Ada")));
    }

    @Test
    void getDocumentOfAnAbsentDocumentIsNull() {
        assertThat(db.getDocument("users", "ada")).isNull();
    }

    // ------------------------------------------------------------------ getMany / getAll / stream

    @Test
    void getManyReturnsPresentDocumentsInRequestOrderWithAbsentLeftOutAndDuplicatesOnce() {
        db.put("users", "a", Value.of(1));
        db.put("users", "b", Value.of(2));
        db.put("users", "c", Value.of(3));

        Map<String, Value> result = db.getMany("users", List.of("c", "x", "a", "c", "b", "a"));

        assertThat(result).containsExactly(Map.entry("c", Value.of(3)), Map.entry("a", Value.of(1)),
                Map.entry("b", Value.of(2)));
    }

    @Test
    void getManyOfAMissingCollectionIsEmpty() {
        assertThat(db.getMany("nowhere", List.of("a", "b"))).isEmpty();
    }

    @Test
    void getManyOfNoIdsIsEmpty() {
        db.put("users", "a", Value.of(1));

        assertThat(db.getMany("users", List.of())).isEmpty();
    }

    @Test
    void getAllReturnsEveryDocumentSortedById() {
        db.put("users", "m", Value.of(2));
        db.put("users", "b", Value.of(1));
        db.put("users", "z", Value.of(3));
        db.put("other", "a", Value.of(9));

        Map<String, Value> all = db.getAll("users");

        assertThat(all).containsExactly(Map.entry("b", Value.of(1)), Map.entry("m", Value.of(2)),
                Map.entry("z", Value.of(3)));
    }

    @Test
    void getAllOfAMissingCollectionIsEmpty() {
        assertThat(db.getAll("nowhere")).isEmpty();
    }

    @Test
    void streamYieldsEveryDocumentOnceWithItsVersion() {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            versions.put("d" + i, db.put("items", "d" + i, Value.of(i)));
        }
        db.put("other", "d1", Value.of(-1));

        List<Document> streamed;
        try (Stream<Document> stream = db.stream("items")) {
            streamed = stream.collect(Collectors.toList());
        }

        assertThat(streamed).hasSize(50);
        assertThat(streamed).allSatisfy(d -> {
            assertThat(d.collection()).isEqualTo("items");
            assertThat(d.version()).isEqualTo(versions.get(d.id()));
            assertThat(d.value()).isEqualTo(Value.of(Integer.parseInt(d.id().substring(1))));
        });
        assertThat(streamed).extracting(Document::id).doesNotHaveDuplicates();
    }

    @Test
    void streamOfAMissingCollectionIsEmpty() {
        try (Stream<Document> stream = db.stream("nowhere")) {
            assertThat(stream).isEmpty();
        }
    }

    // ------------------------------------------------------------------ delete / deleteMany

    @Test
    void deleteRemovesTheDocumentAndReportsThatItExisted() {
        db.put("users", "ada", doc("Ada"));

        assertThat(db.delete("users", "ada")).isTrue();
        assertThat(db.get("users", "ada")).isNull();
        assertThat(db.version("users", "ada")).isZero();
        assertThat(db.count("users")).isZero();
    }

    @Test
    void deleteOfAnAbsentDocumentReportsFalseAndWritesNothing() {
        db.put("users", "ada", doc("Ada"));
        long lsn = db.stats().lsn();

        assertThat(db.delete("users", "bob")).isFalse();
        assertThat(db.delete("nowhere", "bob")).isFalse();
        assertThat(db.stats().lsn()).isEqualTo(lsn);
        assertThat(db.collections()).containsExactly("users");
    }

    @Test
    void deleteManyRemovesThePresentDocumentsAndCountsEachOnce() {
        db.put("users", "a", Value.of(1));
        db.put("users", "b", Value.of(2));
        db.put("users", "c", Value.of(3));

        int deleted = db.deleteMany("users", List.of("a", "x", "a", "b", "b"));

        assertThat(deleted).isEqualTo(2);
        assertThat(db.getAll("users")).containsOnlyKeys("c");
    }

    @Test
    void deleteManyIsOneBatch() {
        db.put("users", "a", Value.of(1));
        db.put("users", "b", Value.of(2));
        long batches = db.stats().batches();
        long lsn = db.stats().lsn();

        db.deleteMany("users", List.of("a", "b"));

        assertThat(db.stats().batches()).isEqualTo(batches + 1);
        assertThat(db.stats().lsn()).isEqualTo(lsn + 1);
        assertThat(db.stats().deletes()).isEqualTo(2);
    }

    @Test
    void deleteManyOfOnlyAbsentDocumentsWritesNothing() {
        db.put("users", "a", Value.of(1));
        long lsn = db.stats().lsn();

        assertThat(db.deleteMany("users", List.of("x", "y"))).isZero();
        assertThat(db.deleteMany("nowhere", List.of("a"))).isZero();
        assertThat(db.deleteMany("users", List.of())).isZero();
        assertThat(db.stats().lsn()).isEqualTo(lsn);
        assertThat(db.collections()).containsExactly("users");
    }

    // ------------------------------------------------------------------ putMany

    @Test
    void putManyStoresEveryDocumentWithTheBatchVersion() {
        Map<String, Value> documents = new LinkedHashMap<>();
        documents.put("a", Value.of(1));
        documents.put("b", Value.of(2));
        documents.put("c", Value.of(3));

        long version = db.putMany("users", documents);

        assertThat(version).isPositive();
        assertThat(db.getAll("users")).isEqualTo(documents);
        for (String id : documents.keySet()) {
            assertThat(db.version("users", id)).as(id).isEqualTo(version);
        }
    }

    @Test
    void putManyIsOneBatch() {
        db.put("users", "a", Value.of(0));
        long batches = db.stats().batches();
        long lsn = db.stats().lsn();

        db.putMany("users", Map.of("a", Value.of(1), "b", Value.of(2), "c", Value.of(3)));

        assertThat(db.stats().batches()).isEqualTo(batches + 1);
        assertThat(db.stats().lsn()).isEqualTo(lsn + 1);
        assertThat(db.stats().puts()).isEqualTo(4);
    }

    @Test
    void putManyOfAnEmptyMapReturnsZeroAndWritesNothing() {
        assertThat(db.putMany("users", Map.of())).isZero();
        assertThat(db.stats().lsn()).isZero();
        assertThat(db.collections()).isEmpty();
    }

    @Test
    void putManyWithAnInvalidIdWritesNone() {
        Map<String, Value> documents = new LinkedHashMap<>();
        documents.put("good", Value.of(1));
        documents.put("", Value.of(2));

        assertThatThrownBy(() -> db.putMany("users", documents)).isInstanceOf(IllegalArgumentException.class);
        assertThat(db.get("users", "good")).isNull();
        assertThat(db.stats().lsn()).isZero();
    }

    // ------------------------------------------------------------------ count / collections

    @Test
    void countFollowsPutsOverwritesAndDeletes() {
        assertThat(db.count("users")).isZero();
        db.put("users", "a", Value.of(1));
        db.put("users", "b", Value.of(2));
        db.put("users", "a", Value.of(3));
        assertThat(db.count("users")).isEqualTo(2);
        db.delete("users", "a");
        assertThat(db.count("users")).isEqualTo(1);
        assertThat(db.count("nowhere")).isZero();
    }

    @Test
    void collectionsListsEveryCollectionThatHeldADocumentSorted() {
        db.put("zeta", "a", Value.of(1));
        db.put("alpha", "a", Value.of(1));
        db.put("Mid", "a", Value.of(1));
        db.delete("alpha", "a");

        assertThat(db.collections()).containsExactly("Mid", "alpha", "zeta");
    }

    @Test
    void readsOfAMissingCollectionDoNotCreateIt() {
        db.get("ghost", "a");
        db.getMany("ghost", List.of("a"));
        db.getAll("ghost");
        db.count("ghost");
        db.version("ghost", "a");

        assertThat(db.collections()).isEmpty();
    }

    // ------------------------------------------------------------------ shared immutable values

    @Test
    void readsReturnTheSameSharedInstance() {
        db.put("users", "ada", doc("Ada"));
        db.get("users", "ada");
        db.get("users", "ada"); // read twice: the document is hot from now on

        Value first = db.get("users", "ada");
        Value second = db.get("users", "ada");

        assertThat(second).isSameAs(first);
        assertThat(db.getDocument("users", "ada").value()).isSameAs(first);
        assertThat(db.getMany("users", List.of("ada")).get("ada")).isSameAs(first);
    }

    @Test
    void returnedValuesCannotBeModified() {
        db.put("users", "ada", Value.object().put("tags", Value.array(Value.of("x"))).build());
        Value ada = db.get("users", "ada");

        assertThatThrownBy(() -> ada.asMap().put("evil", Value.of(1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ada.get("tags").asList().add(Value.of("y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(db.get("users", "ada").asMap()).containsOnlyKeys("tags");
    }

    @Test
    void bytesAreCopiedInAndOutSoCallersCannotChangeAStoredValue() {
        byte[] input = {1, 2, 3};
        db.put("blobs", "b", Value.of(input));
        input[0] = 99;

        byte[] output = db.get("blobs", "b").asBytes();
        output[1] = 99;

        assertThat(db.get("blobs", "b").asBytes()).containsExactly(1, 2, 3);
    }
}
