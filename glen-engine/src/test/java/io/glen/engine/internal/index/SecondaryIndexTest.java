package io.glen.engine.internal.index;

import io.glen.engine.index.IndexDefinition;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.query.QueryModel;
import io.glen.engine.testing.RandomValues;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValuePath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SecondaryIndex} keys and scans, {@link FieldValues} and {@link KeyPart} order, in isolation. */
class SecondaryIndexTest {

    private static SecondaryIndex index(String... paths) {
        return new SecondaryIndex(new IndexDefinition("i", List.of(paths)));
    }

    private static Value doc(Object... fieldsAndValues) {
        var b = Value.object();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            b.put((String) fieldsAndValues[i], Value.of(fieldsAndValues[i + 1]));
        }
        return b.build();
    }

    private static List<String> all(Iterator<String> ids) {
        List<String> out = new ArrayList<>();
        ids.forEachRemaining(out::add);
        return out;
    }

    private static List<String> scanAll(SecondaryIndex index, boolean descending) {
        Object[] low = new Object[index.width()];
        Object[] high = new Object[index.width()];
        java.util.Arrays.fill(low, KeyPart.LOWEST);
        java.util.Arrays.fill(high, KeyPart.HIGHEST);
        return all(index.scan(low, true, high, true, descending));
    }

    @Test
    void aDocumentMissingTheFieldIsNotIndexed() {
        SecondaryIndex index = index("a");
        index.update("d1", doc("b", 1));
        assertThat(index.documentCount()).isZero();
        assertThat(index.entryCount()).isZero();
    }

    @Test
    void nullIsAValueAndIsIndexed() {
        SecondaryIndex index = index("a");
        index.update("d1", Value.object().put("a", Value.NULL).build());
        assertThat(index.documentCount()).isEqualTo(1);
        assertThat(scanAll(index, false)).containsExactly("d1");
    }

    @Test
    void aCompositeIndexSkipsDocumentsMissingTheFirstPathButKeepsThoseMissingLaterPaths() {
        SecondaryIndex index = index("a", "b", "c");
        index.update("noFirst", doc("b", 1, "c", 2));
        index.update("noLater", doc("a", 1));
        index.update("full", doc("a", 1, "b", 2, "c", 3));
        assertThat(index.documentCount()).isEqualTo(2);
        assertThat(index.keysOf(doc("a", 1))).isDeepEqualTo(new Object[][] {{Value.of(1), KeyPart.MISSING, KeyPart.MISSING}});
        assertThat(scanAll(index, false)).containsExactly("noLater", "full");
    }

    @Test
    void anArrayContributesItselfAndEachDistinctElement() {
        SecondaryIndex index = index("tags");
        index.update("d", doc("tags", List.of("a", "b", "a")));
        assertThat(index.entryCount()).isEqualTo(3); // ["a","b","a"], "a", "b"
        assertThat(index.documentCount()).isEqualTo(1);
        index.update("n", doc("tags", List.of(3L, 3.0, -0.0, 0L)));
        assertThat(index.keysOf(doc("tags", List.of(3L, 3.0, -0.0, 0L))).length).isEqualTo(3); // the array, 3, 0
        assertThat(scanAll(index, false)).containsExactly("n", "d"); // each id once
    }

    @Test
    void anEmptyArrayIsOneKey() {
        SecondaryIndex index = index("tags");
        index.update("d", doc("tags", List.of()));
        assertThat(index.entryCount()).isEqualTo(1);
        assertThat(index.multiValued(0)).isFalse();
    }

    @Test
    void aCompositeKeyIsEveryCombination() {
        SecondaryIndex index = index("a", "b");
        Value d = doc("a", List.of(1L, 2L), "b", List.of("x", "y"));
        assertThat(index.keysOf(d).length).isEqualTo(9); // 3 parts of a times 3 parts of b
        index.update("d", d);
        assertThat(index.entryCount()).isEqualTo(9);
    }

    @Test
    void anUpdateReplacesTheOldKeysAndANullValueRemovesThemAll() {
        SecondaryIndex index = index("tags");
        index.update("d", doc("tags", List.of("a", "b")));
        index.update("d", doc("tags", List.of("b", "c", "d")));
        assertThat(index.entryCount()).isEqualTo(4);
        Object[] b = {Value.of("b")};
        assertThat(all(index.scan(new Object[] {Value.of("a")}, true, new Object[] {Value.of("a")}, true, false))).isEmpty();
        assertThat(all(index.scan(b, true, b, true, false))).containsExactly("d");
        index.update("d", doc("other", 1));
        assertThat(index.entryCount()).isZero();
        assertThat(index.documentCount()).isZero();
        index.update("d", doc("tags", "z"));
        index.update("d", null);
        assertThat(index.entryCount()).isZero();
        assertThat(index.documentCount()).isZero();
    }

    @Test
    void anUpdateBetweenEqualKeysOfDifferentKindsKeepsTheDocumentFindable() {
        SecondaryIndex index = index("a");
        Object[] three = {Value.of(3)};
        index.update("d", doc("a", 3L));
        index.update("d", doc("a", 3.0));
        assertThat(all(index.scan(three, true, three, true, false))).containsExactly("d");
        index.update("d", doc("a", 4L));
        assertThat(all(index.scan(three, true, three, true, false))).isEmpty();
        assertThat(index.entryCount()).isEqualTo(1);
    }

    @Test
    void scansRespectBoundInclusionAndDirection() {
        SecondaryIndex index = index("a");
        index.update("x3", doc("a", 3L));
        index.update("x35", doc("a", 3.5));
        index.update("x4", doc("a", 4L));
        index.update("y3", doc("a", 3.0));
        index.update("s", doc("a", "3"));
        Object[] three = {Value.of(3)};
        Object[] four = {Value.of(4.0)};
        assertThat(all(index.scan(three, true, four, true, false))).containsExactly("x3", "y3", "x35", "x4");
        assertThat(all(index.scan(three, false, four, false, false))).containsExactly("x35");
        assertThat(all(index.scan(three, true, four, false, true))).containsExactly("x35", "y3", "x3");
        assertThat(all(index.scan(four, true, three, true, false))).isEmpty();
    }

    @Test
    void multiValuedCountsFollowTheDocuments() {
        SecondaryIndex index = index("a", "b");
        index.update("d", doc("a", 1L, "b", List.of(1L, 2L)));
        assertThat(index.multiValued(0)).isFalse();
        assertThat(index.multiValued(1)).isTrue();
        index.update("e", doc("a", List.of("p", "q"), "b", 5L));
        assertThat(index.multiValued(0)).isTrue();
        index.update("d", doc("a", 1L, "b", 3L));
        assertThat(index.multiValued(1)).isFalse();
        index.update("e", null);
        assertThat(index.multiValued(0)).isFalse();
    }

    @Test
    void keyPartsOrderLowestMissingValuesByKindThenHighest() {
        List<Object> ordered = List.of(KeyPart.LOWEST, KeyPart.MISSING, Value.NULL, Value.FALSE,
                KeyPart.lowOf(Value.of(1)), Value.of(Double.NEGATIVE_INFINITY), Value.of(Long.MIN_VALUE), Value.of(3),
                Value.of(3.5), Value.of(Long.MAX_VALUE), Value.of(0x1p63), Value.of(Double.NaN), KeyPart.highOf(Value.of(1)),
                KeyPart.lowOf(Value.of("")), Value.of(""), Value.of("\uFFFF"), Value.of("\uD800\uDC00"),
                KeyPart.highOf(Value.of("")), Value.array(), KeyPart.HIGHEST);
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                assertThat(Integer.signum(KeyPart.compare(ordered.get(i), ordered.get(j))))
                        .as("%s vs %s", ordered.get(i), ordered.get(j)).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @Test
    void fieldValuesFollowTheDocumentedRules() {
        Value d = Value.object()
                .put("items", Value.array(doc("sku", "a"), Value.of(7), doc("sku", List.of("b", "c")), doc("x", 1)))
                .put("grid", Value.array(Value.array(Value.of(1), Value.of(2)), Value.of(3)))
                .put("n", doc("0", "field named zero"))
                .build();
        assertThat(FieldValues.at(d, ValuePath.parse("items.sku"))).containsExactly(Value.of("a"),
                Value.of(List.of("b", "c")), Value.of("b"), Value.of("c"));
        assertThat(FieldValues.at(d, ValuePath.parse("items.1"))).containsExactly(Value.of(7));
        assertThat(FieldValues.at(d, ValuePath.parse("items.9"))).isEmpty();
        assertThat(FieldValues.at(d, ValuePath.parse("grid"))).containsExactly(
                Value.of(List.of(List.of(1L, 2L), 3L)), Value.of(List.of(1L, 2L)), Value.of(3));
        assertThat(FieldValues.at(d, ValuePath.parse("n.0"))).containsExactly(Value.of("field named zero"));
        assertThat(FieldValues.at(d, ValuePath.parse("missing.path"))).isEmpty();
        assertThat(FieldValues.at(d, ValuePath.parse("items.sku.more"))).isEmpty();
    }

    @Test
    void fieldValuesAgreeWithTheIndependentModelOnRandomDocuments() {
        String[] paths = {"a", "b", "n", "n.x", "n.y", "n.z.w", "tags", "tags.0", "tags.1", "items", "items.sku",
                "items.0", "items.0.sku", "items.qty", "b.0"};
        for (long seed = 0; seed < 300; seed++) {
            Value d = new RandomValues(seed).queryDocument();
            for (String path : paths) {
                assertThat(FieldValues.at(d, ValuePath.parse(path))).as("seed %d path %s", seed, path)
                        .isEqualTo(QueryModel.reach(d, path));
            }
        }
    }
}
