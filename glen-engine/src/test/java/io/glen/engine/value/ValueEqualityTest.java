package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.testing.RandomValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Structural equality, hash codes, canonical field order and the float rules of {@link FloatValue}. */
class ValueEqualityTest {

    private static final int CASES = 2_000;

    @Test
    void separatelyBuiltEqualStructuresAreEqualWithEqualHashCodes() {
        Value a = Value.object().put("name", "Ada").put("tags", Value.array(Value.of("x"), Value.of(1)))
                .put("bin", Value.of(new byte[] {1, 2})).put("ref", Value.id("c", "d")).build();
        Value b = Value.object().put("ref", Value.id("c", "d")).put("bin", Value.of(new byte[] {1, 2}))
                .put("tags", Value.array(Value.of("x"), Value.of(1))).put("name", "Ada").build();

        assertThat(a).isEqualTo(b);
        assertThat(b).isEqualTo(a);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }

    @Test
    void scalarsOfEqualContentAreEqualWithEqualHashCodes() {
        assertThat(Value.of(1_000_000L)).isEqualTo(Value.of(1_000_000L));
        assertThat(Value.of(1_000_000L).hashCode()).isEqualTo(Value.of(1_000_000L).hashCode());
        assertThat(Value.of(new String("text"))).isEqualTo(Value.of("text"));
        assertThat(Value.of(new byte[] {9, 8})).isEqualTo(Value.of(new byte[] {9, 8}));
        assertThat(Value.of(new byte[] {9, 8}).hashCode()).isEqualTo(Value.of(new byte[] {9, 8}).hashCode());
        assertThat(Value.of(new GlenId("c", "d", 4))).isEqualTo(Value.of(new GlenId("c", "d", 4)));
    }

    @Test
    void valuesThatDifferAnywhereAreNotEqual() {
        Value base = Value.object().put("a", Value.array(Value.of(1), Value.object().put("b", "x").build())).build();

        assertThat(base).isNotEqualTo(
                Value.object().put("a", Value.array(Value.of(1), Value.object().put("b", "y").build())).build());
        assertThat(base).isNotEqualTo(
                Value.object().put("a", Value.array(Value.of(1), Value.object().put("c", "x").build())).build());
        assertThat(base).isNotEqualTo(Value.object().put("a", Value.array(Value.of(1))).build());
        assertThat(Value.array(Value.of(1), Value.of(2))).isNotEqualTo(Value.array(Value.of(2), Value.of(1)));
        assertThat(Value.of(new GlenId("c", "d", 1))).isNotEqualTo(Value.of(new GlenId("c", "d", 2)));
        assertThat(Value.of(new byte[] {1})).isNotEqualTo(Value.of(new byte[] {1, 0}));
    }

    @Test
    void valuesOfDifferentKindsAreNeverEqual() {
        List<Value> distinct = List.of(Value.NULL, Value.FALSE, Value.TRUE, Value.of(0), Value.of(0.0),
                Value.of(1), Value.of(1.0), Value.of("1"), Value.of(""), Value.of(new byte[0]),
                Value.of(new byte[] {'1'}), Value.array(), Value.object().build(), Value.array(Value.NULL),
                Value.id("", ""));
        for (int i = 0; i < distinct.size(); i++) {
            for (int j = 0; j < distinct.size(); j++) {
                assertThat(distinct.get(i).equals(distinct.get(j))).as("%s vs %s", distinct.get(i), distinct.get(j))
                        .isEqualTo(i == j);
            }
        }
    }

    @Test
    void intAndFloatOfTheSameNumberAreNotEqual() {
        assertThat(Value.of(3)).isNotEqualTo(Value.of(3.0));
        assertThat(Value.of(3.0)).isNotEqualTo(Value.of(3));
    }

    @Test
    void valueIsNotEqualToNullOrNonValues() {
        assertThat(Value.of("x").equals(null)).isFalse();
        assertThat(Value.of("x").equals("x")).isFalse();
        assertThat(Value.of(1).equals(1L)).isFalse();
    }

    @Test
    void fieldInsertionOrderIsIrrelevantForRandomObjects() {
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            Random rnd = random.random();
            List<Map.Entry<String, Value>> fields = new ArrayList<>();
            int n = rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                fields.add(Map.entry(i + ":" + random.string(), random.any(2)));
            }
            ObjectBuilder forward = Value.object();
            fields.forEach(e -> forward.put(e.getKey(), e.getValue()));
            Collections.shuffle(fields, rnd);
            ObjectBuilder shuffled = Value.object();
            fields.forEach(e -> shuffled.put(e.getKey(), e.getValue()));

            Value a = forward.build();
            Value b = shuffled.build();
            assertThat(b).as("seed %d", seed).isEqualTo(a);
            assertThat(b.hashCode()).as("seed %d", seed).isEqualTo(a.hashCode());
            assertThat(List.copyOf(b.asMap().keySet())).as("seed %d", seed)
                    .containsExactlyElementsOf(List.copyOf(a.asMap().keySet()));
        }
    }

    @Test
    void fieldsAreKeptInCodePointOrderNotUtf16Order() {
        ObjectValue v = Value.object().put("\uD83D\uDE00", 1).put("\uFFFF", 2).put("a", 3).put("Z", 4)
                .put("", 5).put("ab", 6).put("\u00E9", 7).build();

        List<String> expected = List.of("", "Z", "a", "ab", "\u00E9", "\uFFFF", "\uD83D\uDE00");
        assertThat(List.copyOf(v.asMap().keySet())).containsExactlyElementsOf(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(v.nameAt(i)).isEqualTo(expected.get(i));
            assertThat(v.valueAt(i)).isEqualTo(v.get(expected.get(i)));
        }
    }

    @Test
    void fieldLookupFindsEveryNameIncludingSupplementaryOnes() {
        ObjectValue v = Value.object().put("\uD83D\uDE00", 1).put("\uFFFF", 2).put("\uE000", 3).put("a", 4).build();

        assertThat(v.get("\uD83D\uDE00")).isEqualTo(Value.of(1));
        assertThat(v.get("\uFFFF")).isEqualTo(Value.of(2));
        assertThat(v.get("\uE000")).isEqualTo(Value.of(3));
        assertThat(v.get("a")).isEqualTo(Value.of(4));
        assertThat(v.get("\uD83D\uDE01")).isNull();
    }

    @Test
    void lastPutOfAFieldWins() {
        Value v = Value.object().put("a", 1).put("b", 2).put("a", "second").put("a", Value.of(3.5)).build();

        assertThat(v.size()).isEqualTo(2);
        assertThat(v.get("a")).isEqualTo(Value.of(3.5));
        assertThat(v).isEqualTo(Value.object().put("b", 2).put("a", 3.5).build());
    }

    @Test
    void everyNanIsEqualToEveryOtherNanWithOneHashCode() {
        Value canonical = Value.of(Double.NaN);
        double[] nans = {Double.longBitsToDouble(0x7ff8000000000001L), Double.longBitsToDouble(0xfff8000000000000L),
                Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xffffffffffffffffL), 0.0 / 0.0};
        for (double nan : nans) {
            Value v = Value.of(nan);
            assertThat(v).as("bits %x", Double.doubleToRawLongBits(nan)).isEqualTo(canonical);
            assertThat(v.hashCode()).as("bits %x", Double.doubleToRawLongBits(nan)).isEqualTo(canonical.hashCode());
            assertThat(Double.isNaN(v.asDouble())).isTrue();
        }
    }

    @Test
    void nanIsStoredAsTheCanonicalNanBits() {
        Value v = Value.of(Double.longBitsToDouble(0xfff8000000000123L));
        assertThat(Double.doubleToRawLongBits(v.asDouble())).isEqualTo(Double.doubleToRawLongBits(Double.NaN));
    }

    @Test
    void negativeZeroIsNotEqualToPositiveZero() {
        assertThat(Value.of(-0.0)).isNotEqualTo(Value.of(0.0));
        assertThat(Value.of(-0.0)).isEqualTo(Value.of(-0.0));
        assertThat(Double.doubleToRawLongBits(Value.of(-0.0).asDouble())).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void floatEqualityInsideContainersFollowsTheSameRules() {
        assertThat(Value.array(Value.of(Double.NaN)))
                .isEqualTo(Value.array(Value.of(Double.longBitsToDouble(0x7ff8000000000abcL))));
        assertThat(Value.object().put("z", -0.0).build()).isNotEqualTo(Value.object().put("z", 0.0).build());
    }

    @Test
    void equalityIsReflexiveSymmetricAndAgreesWithHashCodeForRandomValues() {
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            Value a = random.any(3);
            Value copy = Value.of(a.toJava());
            Value other = random.any(3);

            assertThat(a).as("seed %d", seed).isEqualTo(a);
            assertThat(copy).as("seed %d", seed).isEqualTo(a);
            assertThat(a).as("seed %d", seed).isEqualTo(copy);
            assertThat(copy.hashCode()).as("seed %d", seed).isEqualTo(a.hashCode());
            assertThat(a.equals(other)).as("seed %d", seed).isEqualTo(other.equals(a));
            if (a.equals(other)) {
                assertThat(a.hashCode()).as("seed %d", seed).isEqualTo(other.hashCode());
            }
        }
    }
}
