package io.glen.engine.internal.codec;

import static io.glen.engine.internal.codec.CodecTesting.ARRAY;
import static io.glen.engine.internal.codec.CodecTesting.BYTES;
import static io.glen.engine.internal.codec.CodecTesting.FALSE;
import static io.glen.engine.internal.codec.CodecTesting.FLOAT;
import static io.glen.engine.internal.codec.CodecTesting.ID;
import static io.glen.engine.internal.codec.CodecTesting.INT;
import static io.glen.engine.internal.codec.CodecTesting.NULL;
import static io.glen.engine.internal.codec.CodecTesting.OBJECT;
import static io.glen.engine.internal.codec.CodecTesting.STRING;
import static io.glen.engine.internal.codec.CodecTesting.TRUE;
import static io.glen.engine.internal.codec.CodecTesting.bytes;
import static io.glen.engine.internal.codec.CodecTesting.concat;
import static io.glen.engine.internal.codec.CodecTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.DocumentTooLargeException;
import io.glen.engine.testing.RandomValues;
import io.glen.engine.value.GlenId;
import io.glen.engine.value.ObjectBuilder;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueCodec} on well-formed input: the byte layout of every kind, round trips and
 * canonical encoding, and the size limit.
 */
class ValueCodecTest {

    private static final int CASES = 5_000;

    private static void assertEncodes(Value value, byte[] expected) {
        assertThat(ValueCodec.encode(value)).as("encoding of %s", value).isEqualTo(expected);
        assertThat(ValueCodec.decode(expected)).as("decoding of %s", hex(expected)).isEqualTo(value);
    }

    private static Value roundTrip(Value value) {
        return ValueCodec.decode(ValueCodec.encode(value));
    }

    // ------------------------------------------------------------ layout of each kind

    @Test
    void nullAndBooleansAreASingleTag() {
        assertEncodes(Value.NULL, bytes(NULL));
        assertEncodes(Value.FALSE, bytes(FALSE));
        assertEncodes(Value.TRUE, bytes(TRUE));
    }

    @Test
    void intIsTagThenZigzagVarint() {
        assertEncodes(Value.of(0), bytes(INT, 0));
        assertEncodes(Value.of(-1), bytes(INT, 1));
        assertEncodes(Value.of(1), bytes(INT, 2));
        assertEncodes(Value.of(63), bytes(INT, 0x7E));
        assertEncodes(Value.of(-64), bytes(INT, 0x7F));
        assertEncodes(Value.of(64), bytes(INT, 0x80, 0x01));
        assertEncodes(Value.of(Long.MAX_VALUE), bytes(INT, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01));
        assertEncodes(Value.of(Long.MIN_VALUE), bytes(INT, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01));
    }

    @Test
    void floatIsTagThenLittleEndianIeeeBits() {
        assertEncodes(Value.of(1.0), bytes(FLOAT, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F));
        assertEncodes(Value.of(0.0), bytes(FLOAT, 0, 0, 0, 0, 0, 0, 0, 0));
        assertEncodes(Value.of(-0.0), bytes(FLOAT, 0, 0, 0, 0, 0, 0, 0, 0x80));
        assertEncodes(Value.of(Double.POSITIVE_INFINITY), bytes(FLOAT, 0, 0, 0, 0, 0, 0, 0xF0, 0x7F));
    }

    @Test
    void everyNanEncodesAsTheCanonicalNan() {
        byte[] canonical = bytes(FLOAT, 0, 0, 0, 0, 0, 0, 0xF8, 0x7F);
        assertEncodes(Value.of(Double.NaN), canonical);
        assertThat(ValueCodec.encode(Value.of(Double.longBitsToDouble(0xfff0000000000001L)))).isEqualTo(canonical);
        assertThat(ValueCodec.encode(Value.of(Double.longBitsToDouble(0x7ff8dead0000beefL)))).isEqualTo(canonical);
    }

    @Test
    void stringIsTagThenUtf8ByteLengthThenUtf8() {
        assertEncodes(Value.of(""), bytes(STRING, 0));
        assertEncodes(Value.of("ab"), bytes(STRING, 2, 'a', 'b'));
        assertEncodes(Value.of("\u00E9"), bytes(STRING, 2, 0xC3, 0xA9));
        assertEncodes(Value.of("\uFFFF"), bytes(STRING, 3, 0xEF, 0xBF, 0xBF));
        assertEncodes(Value.of("\uD83D\uDE00"), bytes(STRING, 4, 0xF0, 0x9F, 0x98, 0x80));
    }

    @Test
    void bytesIsTagThenLengthThenRawBytes() {
        assertEncodes(Value.of(new byte[0]), bytes(BYTES, 0));
        assertEncodes(Value.of(bytes(0xFF, 0x00, 0x80)), bytes(BYTES, 3, 0xFF, 0x00, 0x80));
    }

    @Test
    void arrayIsTagThenCountThenElements() {
        assertEncodes(Value.array(), bytes(ARRAY, 0));
        assertEncodes(Value.array(Value.of(1), Value.of("a"), Value.array()),
                bytes(ARRAY, 3, INT, 2, STRING, 1, 'a', ARRAY, 0));
    }

    @Test
    void objectIsTagThenCountThenSortedNameValuePairs() {
        assertEncodes(Value.object().build(), bytes(OBJECT, 0));
        assertEncodes(Value.object().put("b", 1).put("a", Value.NULL).build(),
                bytes(OBJECT, 2, 1, 'a', NULL, 1, 'b', INT, 2));
    }

    @Test
    void objectNamesAreEncodedInCodePointOrder() {
        assertEncodes(Value.object().put("\uD83D\uDE00", 1).put("\uFFFF", 2).build(),
                bytes(OBJECT, 2, 3, 0xEF, 0xBF, 0xBF, INT, 4, 4, 0xF0, 0x9F, 0x98, 0x80, INT, 2));
    }

    @Test
    void idIsTagThenCollectionThenDocIdThenVersionVarint() {
        assertEncodes(Value.of(new GlenId("c", "d", 5)), bytes(ID, 1, 'c', 1, 'd', 5));
        assertEncodes(Value.of(new GlenId("", "", Long.MAX_VALUE)),
                bytes(ID, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F));
    }

    // ------------------------------------------------------------ round trips

    @Test
    void everyKindRoundTrips() {
        List<Value> values = List.of(Value.NULL, Value.TRUE, Value.FALSE, Value.of(0), Value.of(Long.MIN_VALUE),
                Value.of(Long.MAX_VALUE), Value.of(-0.0), Value.of(Double.NaN), Value.of(Double.MIN_VALUE),
                Value.of(Double.NEGATIVE_INFINITY), Value.of(""), Value.of("\u0000"), Value.of("\uD83D\uDE00\uFFFF"),
                Value.of(new byte[0]), Value.of(bytes(0, 0xFF)), Value.array(), Value.object().build(),
                Value.id("c", "d"), Value.of(new GlenId("\u00E9", "\uD83D\uDE00", 42)),
                Value.array(Value.array(Value.object().put("", Value.NULL).build())));
        for (Value v : values) {
            assertThat(roundTrip(v)).as("%s", v).isEqualTo(v);
        }
    }

    @Test
    void negativeZeroSurvivesTheRoundTripBitForBit() {
        assertThat(Double.doubleToRawLongBits(roundTrip(Value.of(-0.0)).asDouble())).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void intAndFloatStayDistinctKinds() {
        assertThat(roundTrip(Value.of(3)).kind()).isEqualTo(Value.of(3).kind());
        assertThat(roundTrip(Value.of(3.0))).isEqualTo(Value.of(3.0)).isNotEqualTo(Value.of(3));
        assertThat(ValueCodec.encode(Value.of(3))).isNotEqualTo(ValueCodec.encode(Value.of(3.0)));
    }

    @Test
    void largeStringsBytesAndArraysRoundTrip() {
        Value string = Value.of("\u00E9\uD83D\uDE00x".repeat(50_000));
        byte[] raw = new byte[300_000];
        new java.util.Random(7).nextBytes(raw);
        List<Value> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(Value.of(i));
        }
        for (Value v : List.of(string, Value.of(raw), Value.array(many))) {
            assertThat(roundTrip(v)).isEqualTo(v);
        }
    }

    @Test
    void randomValuesRoundTrip() {
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            Value v = seed % 3 == 0 ? random.document() : seed % 3 == 1 ? random.any(5) : random.small(4);
            assertThat(roundTrip(v)).as("seed %d", seed).isEqualTo(v);
        }
    }

    @Test
    void decodedValuesReEncodeToTheSameBytes() {
        for (long seed = 0; seed < CASES; seed++) {
            byte[] encoded = ValueCodec.encode(new RandomValues(seed).any(5));
            assertThat(ValueCodec.encode(ValueCodec.decode(encoded))).as("seed %d", seed).isEqualTo(encoded);
        }
    }

    @Test
    void valueAtMaxDepthRoundTrips() {
        Value v = Value.of(1);
        for (int i = 0; i < Value.MAX_DEPTH; i++) {
            v = i % 2 == 0 ? Value.array(v) : Value.object().put("k", v).build();
        }
        assertThat(roundTrip(v)).isEqualTo(v);
    }

    // ------------------------------------------------------------ canonical

    @Test
    void objectsBuiltInAnyFieldOrderEncodeToEqualBytes() {
        for (long seed = 0; seed < CASES; seed++) {
            RandomValues random = new RandomValues(seed);
            Value original = random.object(3);
            List<Map.Entry<String, Value>> fields = new ArrayList<>(original.asMap().entrySet());
            Collections.shuffle(fields, random.random());
            ObjectBuilder rebuilt = Value.object();
            fields.forEach(e -> rebuilt.put(e.getKey(), e.getValue()));

            assertThat(ValueCodec.encode(rebuilt.build())).as("seed %d", seed).isEqualTo(ValueCodec.encode(original));
        }
    }

    @Test
    void mapsOfAnyIterationOrderEncodeToEqualBytes() {
        Map<String, Object> hash = new HashMap<>();
        Map<String, Object> tree = new TreeMap<>(Collections.reverseOrder());
        for (String key : List.of("zeta", "alpha", "\uFFFF", "\uD83D\uDE00", "", "Mid")) {
            hash.put(key, key.length());
            tree.put(key, key.length());
        }
        assertThat(ValueCodec.encode(Value.of(hash))).isEqualTo(ValueCodec.encode(Value.of(tree)));
    }

    @Test
    void bytesAreEqualExactlyWhenValuesAreEqual() {
        int equalPairs = 0;
        for (long seed = 0; seed < CASES * 4; seed++) {
            RandomValues random = new RandomValues(seed);
            Value a = random.small(2);
            Value b = random.small(2);
            boolean sameBytes = java.util.Arrays.equals(ValueCodec.encode(a), ValueCodec.encode(b));
            assertThat(sameBytes).as("seed %d: %s vs %s", seed, a, b).isEqualTo(a.equals(b));
            if (a.equals(b)) {
                equalPairs++;
            }
        }
        assertThat(equalPairs).as("equal pairs exercised").isGreaterThan(100);
    }

    // ------------------------------------------------------------ streaming and slices

    @Test
    void decodeReadsOnlyTheGivenSlice() {
        byte[] value = ValueCodec.encode(Value.array(Value.of("x"), Value.of(5)));
        byte[] framed = concat(bytes(0xEE, 0xEE, 0xEE), value, bytes(0xEE));

        assertThat(ValueCodec.decode(framed, 3, value.length)).isEqualTo(Value.array(Value.of("x"), Value.of(5)));
    }



    // ------------------------------------------------------------ size limit

    @Test
    void encodingOfExactlyMaxBytesIsAccepted() {
        Value v = Value.of("x".repeat(100)); // tag + 1-byte length + 100 = 102 bytes
        assertThat(ValueCodec.encode(v, 102)).hasSize(102).isEqualTo(ValueCodec.encode(v));
    }

    @Test
    void encodingBeyondMaxBytesThrowsDocumentTooLargeNamingTheLimit() {
        Value v = Value.of("x".repeat(100));
        assertThatThrownBy(() -> ValueCodec.encode(v, 101)).isInstanceOf(DocumentTooLargeException.class)
                .hasMessageContaining("101")
                .satisfies(e -> assertThat(((DocumentTooLargeException) e).limit()).isEqualTo(101));
    }

    @Test
    void largeBytesBeyondMaxBytesAreRefused() {
        Value v = Value.of(new byte[1 << 20]);
        assertThatThrownBy(() -> ValueCodec.encode(v, 1_000)).isInstanceOf(DocumentTooLargeException.class);
    }

    @Test
    void limitAppliesToNestedContent() {
        Value v = Value.object().put("a", Value.array(Value.of("y".repeat(50)), Value.of(new byte[50]))).build();
        int size = ValueCodec.encode(v).length;

        assertThat(ValueCodec.encode(v, size)).hasSize(size);
        assertThatThrownBy(() -> ValueCodec.encode(v, size - 1)).isInstanceOf(DocumentTooLargeException.class);
    }

    @Test
    void limitIsExactForRandomValues() {
        for (long seed = 0; seed < 2_000; seed++) {
            Value v = new RandomValues(seed).any(4);
            byte[] full = ValueCodec.encode(v);
            assertThat(ValueCodec.encode(v, full.length)).as("seed %d", seed).isEqualTo(full);
            assertThatThrownBy(() -> ValueCodec.encode(v, full.length - 1)).as("seed %d", seed)
                    .isInstanceOf(DocumentTooLargeException.class);
        }
    }

    @Test
    void encodedSizeIsTheLengthOfTheEncodingForRandomValues() {
        for (long seed = 0; seed < 2_000; seed++) {
            Value v = new RandomValues(seed).any(4);
            assertThat(ValueCodec.encodedSize(v)).as("seed %d", seed).isEqualTo(ValueCodec.encode(v).length);
        }
    }


    // ------------------------------------------------------------ unpaired surrogates

    @Test
    void stringValueWithAnUnpairedSurrogateIsRefusedByEncode() {
        String[] unpaired = {"\uD800", "\uDFFF", "ok\uD83D", "\uDE00\uD83D", "a\uD83Db"};
        for (int i = 0; i < unpaired.length; i++) {
            String s = unpaired[i];
            assertThatThrownBy(() -> ValueCodec.encode(Value.of(s))).as("case %d", i)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        }
    }

    @Test
    void fieldNameWithAnUnpairedSurrogateIsRefusedByEncode() {
        Value v = Value.object().put("ok", 1).put("bad\uDC00", 2).build();
        assertThatThrownBy(() -> ValueCodec.encode(v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
    }

    @Test
    void idWithAnUnpairedSurrogateIsRefusedByEncode() {
        assertThatThrownBy(() -> ValueCodec.encode(Value.id("c\uD800", "d")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueCodec.encode(Value.id("c", "\uDBFF")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nestedUnpairedSurrogateIsRefusedByEncode() {
        Value v = Value.array(Value.of(1), Value.object().put("k", Value.array(Value.of("x\uDBFF"))).build());
        assertThatThrownBy(() -> ValueCodec.encode(v)).isInstanceOf(IllegalArgumentException.class);
    }
}
