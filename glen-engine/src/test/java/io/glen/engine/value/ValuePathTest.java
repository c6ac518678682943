package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Dotted-path lookup with {@link Value#at(String)} and {@link ValuePath}. */
class ValuePathTest {

    private final Value doc = Value.object()
            .put("a", Value.object()
                    .put("b", Value.array(
                            Value.object().put("c", "first").build(),
                            Value.object().put("c", "second").build()))
                    .build())
            .put("name", "Ada")
            .put("nil", Value.NULL)
            .put("0", "field named zero")
            .put("matrix", Value.array(Value.array(Value.of(1), Value.of(2)), Value.array(Value.of(3))))
            .build();

    @Test
    void singleSegmentReadsATopLevelField() {
        assertThat(doc.at("name")).isEqualTo(Value.of("Ada"));
    }

    @Test
    void dottedPathDescendsThroughObjectsAndArrayIndexes() {
        assertThat(doc.at("a.b.0.c")).isEqualTo(Value.of("first"));
        assertThat(doc.at("a.b.1.c")).isEqualTo(Value.of("second"));
    }

    @Test
    void pathMayEndOnAContainer() {
        assertThat(doc.at("a.b.1")).isEqualTo(Value.object().put("c", "second").build());
        assertThat(doc.at("a.b").size()).isEqualTo(2);
    }

    @Test
    void numericSegmentsIndexNestedArrays() {
        assertThat(doc.at("matrix.0.1")).isEqualTo(Value.of(2));
        assertThat(doc.at("matrix.1.0")).isEqualTo(Value.of(3));
    }

    @Test
    void numericSegmentOnAnObjectIsAFieldName() {
        assertThat(doc.at("0")).isEqualTo(Value.of("field named zero"));
    }

    @Test
    void missingFieldGivesNull() {
        assertThat(doc.at("nope")).isNull();
        assertThat(doc.at("a.nope.c")).isNull();
        assertThat(doc.at("a.b.0.nope")).isNull();
    }

    @Test
    void fieldHoldingNullGivesValueNullNotAbsence() {
        assertThat(doc.at("nil")).isSameAs(Value.NULL);
        assertThat(doc.at("nil.deeper")).isNull();
    }

    @Test
    void arrayIndexOutOfRangeGivesNull() {
        assertThat(doc.at("a.b.2")).isNull();
        assertThat(doc.at("a.b.2.c")).isNull();
        assertThat(doc.at("a.b.999999999")).isNull();
        assertThat(doc.at("a.b.99999999999999999999")).isNull();
    }

    @Test
    void nonNumericOrNegativeSegmentOnAnArrayGivesNull() {
        assertThat(doc.at("a.b.c")).isNull();
        assertThat(doc.at("a.b.-1")).isNull();
        assertThat(doc.at("a.b.+1")).isNull();
        assertThat(doc.at("a.b.1x")).isNull();
    }

    @Test
    void descendingIntoAScalarGivesNull() {
        assertThat(doc.at("name.length")).isNull();
        assertThat(doc.at("name.0")).isNull();
        assertThat(Value.of("s").at("x")).isNull();
        assertThat(Value.of(5).at("0")).isNull();
    }

    @Test
    void pathOnARootArrayIndexesIt() {
        Value root = Value.array(Value.of("x"), Value.object().put("k", 1).build());
        assertThat(root.at("1.k")).isEqualTo(Value.of(1));
        assertThat(root.at("0")).isEqualTo(Value.of("x"));
    }

    @Test
    void emptyPathIsRefused() {
        assertThatThrownBy(() -> doc.at("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void pathWithAnEmptySegmentIsRefused() {
        for (String path : new String[] {"a..b", ".a", "a.", ".", "..", "a.b."}) {
            assertThatThrownBy(() -> doc.at(path)).as(path).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(path);
        }
    }

    @Test
    void parsedPathExposesSegmentsAndEqualsByText() {
        ValuePath path = ValuePath.parse("a.b.0.c");

        assertThat(path.segments()).containsExactly("a", "b", "0", "c");
        assertThat(path).isEqualTo(ValuePath.parse("a.b.0.c"));
        assertThat(path.hashCode()).isEqualTo(ValuePath.parse("a.b.0.c").hashCode());
        assertThat(path).isNotEqualTo(ValuePath.parse("a.b.0"));
        assertThat(path.toString()).isEqualTo("a.b.0.c");
        assertThat(path.lookup(doc)).isEqualTo(Value.of("first"));
    }
}
