package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.glen.engine.testing.RandomValues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The total order of {@link Value#compareTo(Value)}, checked on examples and against a reference order. */
class ValueOrderTest {

    private static final int CASES = 20_000;

    private static Value v(long x) {
        return Value.of(x);
    }

    private static Value d(double x) {
        return Value.of(x);
    }

    private static void assertLess(Value a, Value b) {
        assertThat(a.compareTo(b)).as("%s < %s", a, b).isNegative();
        assertThat(b.compareTo(a)).as("%s > %s", b, a).isPositive();
    }

    private static void assertSame(Value a, Value b) {
        assertThat(a.compareTo(b)).as("%s == %s", a, b).isZero();
        assertThat(b.compareTo(a)).as("%s == %s", b, a).isZero();
    }

    // ------------------------------------------------------------ across kinds

    @Test
    void kindsAreOrderedNullBoolNumberStringBytesArrayObjectId() {
        List<Value> ascending = List.of(Value.NULL, Value.FALSE, Value.TRUE, d(Double.NEGATIVE_INFINITY),
                v(Long.MIN_VALUE), v(0), d(Double.POSITIVE_INFINITY), d(Double.NaN), Value.of(""),
                Value.of("\uD83D\uDE00\uD83D\uDE00"), Value.of(new byte[0]), Value.of(new byte[] {-1, -1}),
                Value.array(), Value.array(Value.id("z", "z")), Value.object().build(),
                Value.object().put("\uFFFF", Value.id("z", "z")).build(), Value.id("", ""),
                Value.of(new GlenId("\uFFFF", "", 0)));
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = i + 1; j < ascending.size(); j++) {
                assertLess(ascending.get(i), ascending.get(j));
            }
        }
    }

    @Test
    void kindRanksFollowDeclarationOrderWithIntAndFloatSharingOneRank() {
        assertThat(ValueKind.INT.rank()).isEqualTo(ValueKind.FLOAT.rank());
        assertThat(List.of(ValueKind.NULL, ValueKind.BOOL, ValueKind.INT, ValueKind.STRING, ValueKind.BYTES,
                ValueKind.ARRAY, ValueKind.OBJECT, ValueKind.ID)).extracting(ValueKind::rank)
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void falseSortsBeforeTrue() {
        assertLess(Value.FALSE, Value.TRUE);
        assertSame(Value.TRUE, Value.of(true));
    }

    // ------------------------------------------------------------ numbers

    @Test
    void intsAndFloatsInterleaveNumerically() {
        assertLess(v(3), d(3.5));
        assertLess(d(3.5), v(4));
        assertLess(v(-4), d(-3.5));
        assertLess(d(-3.5), v(-3));
        assertLess(d(2.9999999999999996), v(3));
    }

    @Test
    void intAndFloatOfTheSameNumberCompareEqual() {
        assertSame(v(3), d(3.0));
        assertSame(v(0), d(-0.0));
        assertSame(v(Long.MIN_VALUE), d(-0x1p63));
        assertSame(v(1L << 53), d(0x1p53));
    }

    @Test
    void negativeFractionsCompareExactlyAgainstInts() {
        assertLess(d(-2.5), v(-2));
        assertLess(v(-3), d(-2.5));
        assertLess(d(-0.5), v(0));
        assertLess(v(-1), d(-0.5));
    }

    @Test
    void longMaxIsBelowTwoToThe63AsDouble() {
        // (double) Long.MAX_VALUE rounds to 2^63; a widening comparison would call them equal.
        assertLess(v(Long.MAX_VALUE), d(0x1p63));
        assertLess(v(Long.MAX_VALUE - 1), d(0x1p63));
        assertLess(v(Long.MAX_VALUE), d(Math.nextUp(0x1p63)));
        assertLess(d(Math.nextDown(0x1p63)), v(Long.MAX_VALUE));
    }

    @Test
    void longMinAndItsNeighboursCompareExactlyWithMinusTwoToThe63() {
        assertLess(d(-0x1p63), v(Long.MIN_VALUE + 1));
        assertLess(d(Math.nextDown(-0x1p63)), v(Long.MIN_VALUE));
    }

    @Test
    void twoToThe53PlusOneIsAboveTwoToThe53AsDouble() {
        long big = (1L << 53) + 1;
        assertThat((double) big).isEqualTo(0x1p53); // the rounding that an exact comparison must avoid
        assertLess(d(0x1p53), v(big));
        assertLess(v(big), d(0x1p53 + 2));
        assertLess(v((1L << 53) - 1), d(0x1p53));
    }

    @Test
    void infinitiesBoundEveryFiniteNumber() {
        assertLess(d(Double.NEGATIVE_INFINITY), v(Long.MIN_VALUE));
        assertLess(d(Double.NEGATIVE_INFINITY), d(-Double.MAX_VALUE));
        assertLess(v(Long.MAX_VALUE), d(Double.POSITIVE_INFINITY));
        assertLess(d(Double.MAX_VALUE), d(Double.POSITIVE_INFINITY));
    }

    @Test
    void nanIsAboveEveryOtherNumber() {
        assertLess(d(Double.POSITIVE_INFINITY), d(Double.NaN));
        assertLess(v(Long.MAX_VALUE), d(Double.NaN));
        assertLess(d(Double.MAX_VALUE), d(Double.NaN));
        assertLess(d(Double.NaN), Value.of(""));
    }

    @Test
    void nanComparesEqualToNan() {
        assertSame(d(Double.NaN), d(Double.longBitsToDouble(0xfff8000000000001L)));
    }

    @Test
    void negativeZeroComparesEqualToZeroAlthoughNotEqual() {
        assertSame(d(-0.0), d(0.0));
        assertThat(d(-0.0)).isNotEqualTo(d(0.0));
    }

    @Test
    void tinyFloatsAreStrictlyBetweenNeighbouringInts() {
        assertLess(v(0), d(Double.MIN_VALUE));
        assertLess(d(-Double.MIN_VALUE), v(0));
        assertLess(d(Double.MIN_VALUE), v(1));
    }

    @Test
    void intsCompareBySignedValue() {
        assertLess(v(Long.MIN_VALUE), v(-1));
        assertLess(v(-1), v(0));
        assertLess(v(0), v(Long.MAX_VALUE));
    }

    // ------------------------------------------------------------ strings and bytes

    @Test
    void stringsCompareByCodePointNotUtf16Unit() {
        assertThat("\uFFFF".compareTo("\uD83D\uDE00")).isPositive(); // what String.compareTo says
        assertLess(Value.of("\uFFFF"), Value.of("\uD83D\uDE00"));
        assertLess(Value.of("\uE000"), Value.of("\uD800\uDC00"));
        assertLess(Value.of("\uD7FF"), Value.of("\uD800\uDC00"));
        assertLess(Value.of("\uD83D\uDE00"), Value.of("\uD83D\uDE01"));
        assertLess(Value.of("\uD83D\uDE00"), Value.of("\uDBFF\uDFFF"));
    }

    @Test
    void shorterStringPrefixSortsFirst() {
        assertLess(Value.of(""), Value.of("a"));
        assertLess(Value.of("a"), Value.of("ab"));
        assertLess(Value.of("ab"), Value.of("b"));
        assertLess(Value.of("Z"), Value.of("a"));
    }

    @Test
    void stringOrderMatchesUtf8ByteOrderForRandomStrings() {
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            String a = random.string();
            String b = random.string();
            int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            assertThat(Integer.signum(ValueOrder.compareStrings(a, b))).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void bytesCompareAsUnsigned() {
        assertLess(Value.of(new byte[] {0x7F}), Value.of(new byte[] {(byte) 0x80}));
        assertLess(Value.of(new byte[] {(byte) 0x80}), Value.of(new byte[] {(byte) 0xFF}));
        assertLess(Value.of(new byte[] {0}), Value.of(new byte[] {(byte) 0xFF}));
    }

    @Test
    void shorterBytesPrefixSortsFirst() {
        assertLess(Value.of(new byte[0]), Value.of(new byte[] {0}));
        assertLess(Value.of(new byte[] {1}), Value.of(new byte[] {1, 0}));
        assertSame(Value.of(new byte[] {1, 2}), Value.of(new byte[] {1, 2}));
    }

    // ------------------------------------------------------------ containers and ids

    @Test
    void arraysCompareElementByElementThenByLength() {
        assertLess(Value.array(), Value.array(Value.NULL));
        assertLess(Value.array(v(1)), Value.array(v(1), v(0)));
        assertLess(Value.array(v(1), Value.of("z")), Value.array(v(2)));
        assertLess(Value.array(d(1.5)), Value.array(v(2)));
        assertSame(Value.array(v(3), d(0.0)), Value.array(d(3.0), d(-0.0)));
    }

    @Test
    void objectsCompareFieldNameThenValueThenSize() {
        assertLess(Value.object().put("a", 1).build(), Value.object().put("a", 2).build());
        assertLess(Value.object().put("a", 5).build(), Value.object().put("b", 0).build());
        assertLess(Value.object().put("a", 1).build(), Value.object().put("a", 1).put("b", 0).build());
        assertLess(Value.object().build(), Value.object().put("a", Value.NULL).build());
        assertLess(Value.object().put("\uFFFF", 0).build(), Value.object().put("\uD83D\uDE00", 0).build());
        assertSame(Value.object().put("a", 3).build(), Value.object().put("a", 3.0).build());
    }

    @Test
    void idsCompareByCollectionThenDocIdThenVersion() {
        assertLess(Value.of(new GlenId("a", "z", 9)), Value.of(new GlenId("b", "a", 0)));
        assertLess(Value.of(new GlenId("a", "a", 9)), Value.of(new GlenId("a", "b", 0)));
        assertLess(Value.of(new GlenId("a", "a", 1)), Value.of(new GlenId("a", "a", 2)));
        assertLess(Value.of(new GlenId("a", "a", 0)), Value.of(new GlenId("a", "a", Long.MAX_VALUE)));
        assertLess(Value.of(new GlenId("\uFFFF", "", 0)), Value.of(new GlenId("\uD83D\uDE00", "", 0)));
        assertSame(Value.of(new GlenId("a", "b", 3)), Value.of(new GlenId("a", "b", 3)));
    }

    // ------------------------------------------------------------ properties

    @Test
    void compareToAgreesWithTheReferenceOrderOnRandomPairs() {
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            Value a = seed % 2 == 0 ? random.any(3) : random.small(2);
            Value b = seed % 2 == 0 ? random.any(3) : random.small(2);
            assertThat(Integer.signum(a.compareTo(b))).as("seed %d: %s vs %s", seed, a, b)
                    .isEqualTo(ReferenceOrder.compare(a, b));
        }
    }

    @Test
    void compareToIsReflexiveAndAntisymmetric() {
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            Value a = random.small(3);
            Value b = random.small(3);
            assertThat(a.compareTo(a)).as("seed %d", seed).isZero();
            assertThat(a.compareTo(Value.of(a.toJava()))).as("seed %d", seed).isZero();
            assertThat(Integer.signum(a.compareTo(b))).as("seed %d: %s vs %s", seed, a, b)
                    .isEqualTo(-Integer.signum(b.compareTo(a)));
        }
    }

    @Test
    void compareToIsTransitiveOnRandomTriples() {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        int strictChains = 0;
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            Value[] t = {random.small(2), random.small(2), random.small(2)};
            for (int[] o : orders) {
                Value a = t[o[0]];
                Value b = t[o[1]];
                Value c = t[o[2]];
                if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                    assertThat(a.compareTo(c)).as("seed %d: %s <= %s <= %s", seed, a, b, c).isLessThanOrEqualTo(0);
                }
                if (a.compareTo(b) < 0 && b.compareTo(c) < 0) {
                    strictChains++;
                    assertThat(a.compareTo(c)).as("seed %d: %s < %s < %s", seed, a, b, c).isNegative();
                }
            }
        }
        assertThat(strictChains).as("strict chains exercised").isGreaterThan(CASES / 10);
    }

    @Test
    void valuesThatCompareEqualCompareAlikeWithEveryThirdValue() {
        int ties = 0;
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            Value a = random.small(1);
            Value b = random.small(1);
            Value c = random.small(1);
            if (a.compareTo(b) == 0) {
                ties++;
                assertThat(Integer.signum(a.compareTo(c))).as("seed %d: %s ~ %s vs %s", seed, a, b, c)
                        .isEqualTo(Integer.signum(b.compareTo(c)));
            }
        }
        assertThat(ties).as("ties exercised").isGreaterThan(CASES / 50);
    }

    @Test
    void equalValuesCompareEqual() {
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            Value a = random.small(2);
            Value b = random.small(2);
            if (a.equals(b)) {
                assertThat(a.compareTo(b)).as("seed %d: %s", seed, a).isZero();
            }
        }
    }

    @Test
    void sortingRandomListsMatchesAStableBruteForceSortByTheReferenceOrder() {
        for (long seed = 0; seed < 200; seed++) {
            RandomValues random = new RandomValues(seed);
            List<Value> input = new ArrayList<>();
            int n = 1 + random.random().nextInt(60);
            for (int i = 0; i < n; i++) {
                input.add(seed % 2 == 0 ? random.small(2) : random.any(2));
            }

            List<Value> sorted = new ArrayList<>(input);
            sorted.sort(null);

            // Brute force: repeatedly take the first minimum (by the reference order) of what is left,
            // which is a stable selection sort.
            List<Value> remaining = new ArrayList<>(input);
            List<Value> expected = new ArrayList<>();
            while (!remaining.isEmpty()) {
                int min = 0;
                for (int i = 1; i < remaining.size(); i++) {
                    if (ReferenceOrder.compare(remaining.get(i), remaining.get(min)) < 0) {
                        min = i;
                    }
                }
                expected.add(remaining.remove(min));
            }

            for (int i = 0; i < n; i++) {
                if (sorted.get(i) != expected.get(i)) {
                    fail("seed %d: position %d holds %s but a stable sort puts %s there", seed, i, sorted.get(i),
                            expected.get(i));
                }
            }
        }
    }

    /**
     * An independent, deliberately simple statement of the documented order: numbers through
     * exact {@link BigDecimal}s, strings through code point arrays. Returns -1, 0 or 1.
     */
    static final class ReferenceOrder {

        private static final List<ValueKind> RANKS = List.of(ValueKind.NULL, ValueKind.BOOL, ValueKind.INT,
                ValueKind.STRING, ValueKind.BYTES, ValueKind.ARRAY, ValueKind.OBJECT, ValueKind.ID);

        static int compare(Value a, Value b) {
            int ra = rank(a);
            int rb = rank(b);
            if (ra != rb) {
                return Integer.signum(ra - rb);
            }
            switch (a.kind()) {
                case NULL:
                    return 0;
                case BOOL:
                    return Integer.signum(Boolean.compare(a.asBoolean(), b.asBoolean()));
                case INT:
                case FLOAT:
                    return numbers(a, b);
                case STRING:
                    return strings(a.asString(), b.asString());
                case BYTES: {
                    byte[] x = a.asBytes();
                    byte[] y = b.asBytes();
                    for (int i = 0; i < Math.min(x.length, y.length); i++) {
                        if (x[i] != y[i]) {
                            return (x[i] & 0xFF) < (y[i] & 0xFF) ? -1 : 1;
                        }
                    }
                    return Integer.signum(x.length - y.length);
                }
                case ARRAY: {
                    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                        int c = compare(a.get(i), b.get(i));
                        if (c != 0) {
                            return c;
                        }
                    }
                    return Integer.signum(a.size() - b.size());
                }
                case OBJECT: {
                    List<String> na = new ArrayList<>(a.asMap().keySet());
                    List<String> nb = new ArrayList<>(b.asMap().keySet());
                    for (int i = 0; i < Math.min(na.size(), nb.size()); i++) {
                        int c = strings(na.get(i), nb.get(i));
                        if (c != 0) {
                            return c;
                        }
                        c = compare(a.get(na.get(i)), b.get(nb.get(i)));
                        if (c != 0) {
                            return c;
                        }
                    }
                    return Integer.signum(na.size() - nb.size());
                }
                case ID: {
                    GlenId x = a.asId();
                    GlenId y = b.asId();
                    int c = strings(x.collection(), y.collection());
                    if (c == 0) {
                        c = strings(x.docId(), y.docId());
                    }
                    return c != 0 ? c : Integer.signum(Long.compare(x.version(), y.version()));
                }
                default:
                    throw new AssertionError(a.kind());
            }
        }

        private static int rank(Value v) {
            return RANKS.indexOf(v.kind() == ValueKind.FLOAT ? ValueKind.INT : v.kind());
        }

        private static int numbers(Value a, Value b) {
            boolean nanA = a.kind() == ValueKind.FLOAT && Double.isNaN(a.asDouble());
            boolean nanB = b.kind() == ValueKind.FLOAT && Double.isNaN(b.asDouble());
            if (nanA || nanB) {
                return Boolean.compare(nanA, nanB);
            }
            if (isInfinite(a) || isInfinite(b)) {
                return Integer.signum(Double.compare(a.asDouble() + 0.0, b.asDouble() + 0.0));
            }
            return exact(a).compareTo(exact(b));
        }

        private static boolean isInfinite(Value v) {
            return v.kind() == ValueKind.FLOAT && Double.isInfinite(v.asDouble());
        }

        private static BigDecimal exact(Value v) {
            return v.kind() == ValueKind.INT ? BigDecimal.valueOf(v.asLong()) : new BigDecimal(v.asDouble());
        }

        private static int strings(String a, String b) {
            return Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
        }
    }
}
