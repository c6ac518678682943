package io.glen.engine.index;

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

/** The contract of {@code GlenDB.findBy} and {@code GlenDB.rangeBy}. */
class FindByRangeByTest {

    private static final String C = "shop";

    @TempDir
    Path dir;

    GlenDB db;

    /** p00..p19: price = i (ints, i odd: i + 0.5 as a float), city alternating Oslo/Bergen, some without city. */
    @BeforeEach
    void open() {
        db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.NONE).build());
        Map<String, Value> docs = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            var b = Value.object().put("price", i % 2 == 0 ? Value.of(i) : Value.of(i + 0.5));
            if (i % 5 != 4) {
                b.put("city", i % 2 == 0 ? "Oslo" : "Bergen");
            }
            docs.put(String.format("p%02d", i), b.build());
        }
        docs.put("text", Value.object().put("price", "cheap").put("city", "Oslo").build());
        docs.put("none", Value.object().put("city", "Oslo").build());
        db.putMany(C, docs);
        db.createIndex(C, "by_price", "price");
        db.createIndex(C, "by_city_price", "city", "price");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<String> ids(List<Document> docs) {
        return docs.stream().map(Document::id).toList();
    }

    private List<String> range(Value min, Value max, boolean minIn, boolean maxIn, int limit, boolean asc) {
        return ids(db.rangeBy(C, "by_price", min, max, minIn, maxIn, limit, asc));
    }

    @Test
    void findByReturnsMatchesInIdOrder() {
        assertThat(ids(db.findBy(C, "by_city_price", Value.of("Bergen"))))
                .containsExactly("p01", "p03", "p05", "p07", "p11", "p13", "p15", "p17");
    }

    @Test
    void findByHonoursTheLimit() {
        assertThat(ids(db.findBy(C, "by_city_price", List.of(Value.of("Bergen")), 3))).containsExactly("p01", "p03", "p05");
        assertThat(db.findBy(C, "by_city_price", List.of(Value.of("Bergen")), 0)).isEmpty();
    }

    @Test
    void findByTakesAPrefixOrTheFullKeyOfACompositeIndex() {
        assertThat(ids(db.findBy(C, "by_city_price", Value.of("Oslo")))).hasSize(10);
        assertThat(ids(db.findBy(C, "by_city_price", Value.of("Oslo"), Value.of(6)))).containsExactly("p06");
        assertThat(ids(db.findBy(C, "by_city_price", Value.of("Oslo"), Value.of(6.0)))).containsExactly("p06");
        assertThat(db.findBy(C, "by_city_price", Value.of("Oslo"), Value.of(7.5))).isEmpty();
        assertThat(ids(db.findBy(C, "by_city_price", Value.of("Bergen"), Value.of(7.5)))).containsExactly("p07");
    }

    @Test
    void findByRejectsTooManyOrNoKeysAndUnknownIndexes() {
        assertThatThrownBy(() -> db.findBy(C, "by_price", Value.of(1), Value.of(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.findBy(C, "by_price")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.findBy(C, "nope", Value.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.findBy("nocoll", "by_price", Value.of(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangeByWithInclusiveBounds() {
        assertThat(range(Value.of(4), Value.of(8), true, true, 100, true)).containsExactly("p04", "p05", "p06", "p07", "p08");
    }

    @Test
    void rangeByWithExclusiveBounds() {
        assertThat(range(Value.of(4), Value.of(8), false, false, 100, true)).containsExactly("p05", "p06", "p07");
        assertThat(range(Value.of(5.5), Value.of(8), false, true, 100, true)).containsExactly("p06", "p07", "p08");
        assertThat(range(Value.of(4), Value.of(7.5), true, false, 100, true)).containsExactly("p04", "p05", "p06");
    }

    @Test
    void rangeByWithAnEmptyOrInvertedRangeIsEmpty() {
        assertThat(range(Value.of(6), Value.of(6), false, true, 100, true)).isEmpty();
        assertThat(range(Value.of(6), Value.of(6.0), true, true, 100, true)).containsExactly("p06");
        assertThat(range(Value.of(9), Value.of(3), true, true, 100, true)).isEmpty();
    }

    @Test
    void rangeByWithANullBoundIsOpenOnThatSideButKeepsToTheOtherBoundsKind() {
        assertThat(range(null, Value.of(2), true, true, 100, true)).containsExactly("p00", "p01", "p02");
        assertThat(range(Value.of(17), null, true, true, 100, true)).containsExactly("p17", "p18", "p19");
        assertThat(range(Value.of("a"), null, true, true, 100, true)).containsExactly("text");
    }

    @Test
    void rangeByWithBothBoundsNullReturnsEveryDocumentHavingTheFieldInOrder() {
        List<String> all = range(null, null, true, true, 100, true);
        assertThat(all).hasSize(21).doesNotContain("none");
        assertThat(all.get(20)).isEqualTo("text"); // strings after numbers
        assertThat(all.subList(0, 3)).containsExactly("p00", "p01", "p02");
    }

    @Test
    void rangeByDescendingReversesTheOrder() {
        assertThat(range(Value.of(4), Value.of(8), true, true, 100, false)).containsExactly("p08", "p07", "p06", "p05", "p04");
        assertThat(range(Value.of(4), Value.of(8), true, true, 2, false)).containsExactly("p08", "p07");
    }

    @Test
    void rangeByHonoursTheLimitFromTheStartOfTheOrder() {
        assertThat(range(Value.of(4), null, true, true, 2, true)).containsExactly("p04", "p05");
        assertThat(range(Value.of(4), null, true, true, 0, true)).isEmpty();
    }

    @Test
    void rangeByOnACompositeIndexTakesAnEqualityPrefix() {
        assertThat(ids(db.rangeBy(C, "by_city_price", List.of(Value.of("Oslo")), Value.of(4), Value.of(12), true, false,
                100, true))).containsExactly("p06", "p08", "p10");
        assertThat(ids(db.rangeBy(C, "by_city_price", List.of(Value.of("Bergen")), Value.of(4), Value.of(12), true, true,
                100, false))).containsExactly("p11", "p07", "p05");
        assertThat(ids(db.rangeBy(C, "by_city_price", List.of(Value.of("Bergen")), null, null, true, true, 2, true)))
                .containsExactly("p01", "p03");
    }

    @Test
    void rangeByOnACompositeIndexWithoutPrefixRangesOverTheFirstPath() {
        assertThat(ids(db.rangeBy(C, "by_city_price", List.of(), Value.of("B"), Value.of("C"), true, true, 100, true)))
                .containsExactly("p01", "p03", "p05", "p07", "p11", "p13", "p15", "p17");
    }

    @Test
    void rangeByRejectsAPrefixAsWideAsTheIndex() {
        assertThatThrownBy(() -> db.rangeBy(C, "by_price", List.of(Value.of(1)), null, null, true, true, 10, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.rangeBy(C, "by_city_price", List.of(Value.of("Oslo"), Value.of(2)), null, null,
                true, true, 10, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.rangeBy(C, "nope", null, null, true, true, 10, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
