package io.glen.engine.internal.codec;

import static io.glen.engine.internal.codec.CodecTesting.ARRAY;
import static io.glen.engine.internal.codec.CodecTesting.BYTES;
import static io.glen.engine.internal.codec.CodecTesting.FLOAT;
import static io.glen.engine.internal.codec.CodecTesting.ID;
import static io.glen.engine.internal.codec.CodecTesting.INT;
import static io.glen.engine.internal.codec.CodecTesting.NULL;
import static io.glen.engine.internal.codec.CodecTesting.OBJECT;
import static io.glen.engine.internal.codec.CodecTesting.STRING;
import static io.glen.engine.internal.codec.CodecTesting.assertRefused;
import static io.glen.engine.internal.codec.CodecTesting.bytes;
import static io.glen.engine.internal.codec.CodecTesting.concat;
import static io.glen.engine.internal.codec.CodecTesting.hex;
import static io.glen.engine.internal.codec.CodecTesting.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.testing.RandomValues;
import io.glen.engine.value.GlenId;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoder refuses every non-canonical or malformed input with {@code GlenCorruptionException}
 * and nothing else: no other runtime exception, no {@code OutOfMemoryError}, no
 * {@code StackOverflowError}.
 */
class ValueCodecCorruptionTest {

    /** A 10-byte varint whose value has the top bit set: 2^63 + low. */
    private static byte[] topBitVarint(int low) {
        return bytes(0x80 | low, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
    }

    private static byte[] varint(long v) {
        return new ByteSink().varLong(v).toByteArray();
    }

    private static final List<Value> SAMPLES = List.of(Value.NULL, Value.TRUE, Value.of(-5), Value.of(1L << 40),
            Value.of(2.5), Value.of("h\u00E9llo \uD83D\uDE00"), Value.of(bytes(1, 2, 3)),
            Value.array(Value.of(1), Value.of("x")), Value.object().put("a", 1).put("bb", Value.array()).build(),
            Value.of(new GlenId("users", "ada", 300)));

    // ------------------------------------------------------------ truncation and trailing bytes

    @Test
    void emptyInputIsRefused() {
        assertThat(assertRefused(bytes())).hasMessageContaining("truncated");
    }

    @Test
    void everyTruncationOfEverySampleIsRefused() {
        for (Value v : SAMPLES) {
            byte[] full = ValueCodec.encode(v);
            for (int n = 0; n < full.length; n++) {
                assertRefused(Arrays.copyOf(full, n), v + " cut to " + n + " bytes");
            }
        }
    }

    @Test
    void everyTruncationOfRandomValuesIsRefused() {
        for (long seed = 0; seed < 1_000; seed++) {
            byte[] full = ValueCodec.encode(new RandomValues(seed).any(4));
            for (int n = 0; n < full.length; n++) {
                assertRefused(Arrays.copyOf(full, n), "seed " + seed + " cut to " + n);
            }
        }
    }

    @Test
    void trailingBytesAfterAValueAreRefused() {
        for (Value v : SAMPLES) {
            for (int extra : new int[] {0x00, 0x01, 0xFF}) {
                assertThat(assertRefused(concat(ValueCodec.encode(v), bytes(extra)), v + " + " + extra))
                        .hasMessageContaining("trailing");
            }
        }
    }

    @Test
    void twoConcatenatedValuesAreRefusedByDecode() {
        assertRefused(concat(ValueCodec.encode(Value.of(1)), ValueCodec.encode(Value.of(2))));
    }

    @Test
    void trailingBytesInsideTheSliceAreRefused() {
        byte[] buf = bytes(INT, 2, NULL, 0xEE);
        assertThat(ValueCodec.decode(buf, 0, 2)).isEqualTo(Value.of(1));
        assertThatThrownBy(() -> ValueCodec.decode(buf, 0, 3)).isInstanceOf(GlenCorruptionException.class)
                .hasMessageContaining("trailing");
    }

    // ------------------------------------------------------------ tags

    @Test
    void everyUnknownTagIsRefused() {
        for (int tag = 10; tag <= 255; tag++) {
            assertThat(assertRefused(bytes(tag), "tag " + tag)).hasMessageContaining("tag");
            assertRefused(bytes(tag, 0, 0, 0, 0, 0, 0, 0, 0), "tag " + tag + " with payload");
        }
    }

    @Test
    void unknownTagInsideAContainerIsRefused() {
        assertRefused(bytes(ARRAY, 2, NULL, 0x0A));
        assertRefused(bytes(OBJECT, 1, 1, 'a', 0x80));
    }

    // ------------------------------------------------------------ varints

    @Test
    void nonMinimalIntVarintIsRefused() {
        assertThat(assertRefused(bytes(INT, 0x80, 0x00))).hasMessageContaining("non-minimal");
        assertRefused(bytes(INT, 0x82, 0x00));
        assertRefused(bytes(INT, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0x00));
    }

    @Test
    void nonMinimalLengthsAndCountsAreRefused() {
        assertRefused(bytes(STRING, 0x81, 0x00, 'a'));
        assertRefused(bytes(BYTES, 0x80, 0x00));
        assertRefused(bytes(ARRAY, 0x81, 0x00, NULL));
        assertRefused(bytes(OBJECT, 0x80, 0x00));
        assertRefused(bytes(OBJECT, 1, 0x81, 0x00, 'a', NULL));
        assertRefused(bytes(ID, 1, 'c', 1, 'd', 0x85, 0x00));
    }

    @Test
    void varintOverflowingSixtyFourBitsIsRefused() {
        assertThat(assertRefused(bytes(INT, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02)))
                .hasMessageContaining("overflow");
        assertRefused(bytes(INT, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F));
    }

    @Test
    void varintLongerThanTenBytesIsRefused() {
        assertRefused(bytes(INT, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01));
        assertRefused(concat(bytes(INT), repeat(bytes(0xFF), 40), bytes(0x01)));
        assertRefused(concat(bytes(ARRAY), repeat(bytes(0x80), 11), bytes(0x00)));
    }

    @Test
    void tenByteVarintWithTopBitIsTheLargestAcceptedInt() {
        byte[] min = bytes(INT, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
        assertThat(ValueCodec.decode(min)).isEqualTo(Value.of(Long.MIN_VALUE));
    }

    // ------------------------------------------------------------ lengths

    @Test
    void lengthsWithTheTopBitSetAreRefused() {
        // 2^63 + n is negative as a long and n when cast to an int; it must never pass as n.
        assertRefused(concat(bytes(ARRAY), topBitVarint(1), bytes(NULL)), "array");
        assertRefused(concat(bytes(OBJECT), topBitVarint(1), bytes(1, 'a', NULL)), "object");
        assertRefused(concat(bytes(STRING), topBitVarint(1), bytes('a')), "string");
        assertRefused(concat(bytes(BYTES), topBitVarint(1), bytes(7)), "bytes");
        assertRefused(concat(bytes(ID), topBitVarint(1), bytes('c', 1, 'd', 0)), "id collection");
    }

    @Test
    void lengthsOfMinusOneAreRefused() {
        byte[] minusOne = bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);
        for (int tag : new int[] {STRING, BYTES, ARRAY, OBJECT, ID}) {
            assertRefused(concat(bytes(tag), minusOne, bytes(NULL, NULL, NULL)), "tag " + tag);
        }
    }

    @Test
    void arrayLengthOfTwoToThe31WithThreeBytesLeftIsRefused() {
        assertRefused(concat(bytes(ARRAY), varint(1L << 31), bytes(NULL, NULL, NULL)));
    }

    @Test
    void hugeCountsAndLengthsBeyondTheBytesLeftAreRefusedWithoutAllocating() {
        // With a 1 GiB heap, honouring any of these would throw OutOfMemoryError or take minutes.
        long[] sizes = {Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1L << 30, 1L << 28, 4};
        for (long n : sizes) {
            for (int tag : new int[] {STRING, BYTES, ARRAY, OBJECT}) {
                assertThat(assertRefused(concat(bytes(tag), varint(n), bytes(NULL, NULL, NULL)), "tag " + tag + " n " + n))
                        .hasMessageContaining("left");
            }
        }
        assertRefused(concat(bytes(ARRAY), varint(1L << 40), bytes(NULL)));
        assertRefused(concat(bytes(ARRAY), varint(Long.MAX_VALUE), bytes(NULL)));
    }

    @Test
    void objectSizeNeedsTwoBytesPerField() {
        // 2 fields need at least 4 bytes (empty name + tag each); 3 bytes left cannot hold them.
        assertRefused(bytes(OBJECT, 2, 0, NULL, 0));
        assertThat(ValueCodec.decode(bytes(OBJECT, 1, 0, NULL))).isEqualTo(Value.object().put("", Value.NULL).build());
    }

    @Test
    void nestedHugeLengthsAreRefused() {
        byte[] inner = concat(bytes(BYTES), varint(Integer.MAX_VALUE), bytes(1));
        assertRefused(concat(bytes(ARRAY, 1), inner));
        assertRefused(concat(bytes(ARRAY, 2, NULL), inner));
        assertRefused(concat(bytes(OBJECT, 1, 1, 'k'), inner));
    }

    // ------------------------------------------------------------ nesting depth

    private static byte[] nestedArrays(int levels) {
        return concat(repeat(bytes(ARRAY, 1), levels), bytes(NULL));
    }

    @Test
    void arraysNestedMaxDepthDecode() {
        Value decoded = ValueCodec.decode(nestedArrays(Value.MAX_DEPTH));
        Value expected = Value.NULL;
        for (int i = 0; i < Value.MAX_DEPTH; i++) {
            expected = Value.array(expected);
        }
        assertThat(decoded).isEqualTo(expected);
    }

    @Test
    void arraysNestedOneBeyondMaxDepthAreRefused() {
        assertThat(assertRefused(nestedArrays(Value.MAX_DEPTH + 1))).hasMessageContaining("nests deeper");
    }

    @Test
    void tenThousandNestedArraysAreRefusedWithoutStackOverflow() {
        assertThat(assertRefused(nestedArrays(10_000))).hasMessageContaining("nests deeper");
    }

    @Test
    void tenThousandNestedObjectsAreRefusedWithoutStackOverflow() {
        assertRefused(concat(repeat(bytes(OBJECT, 1, 1, 'k'), 10_000), bytes(NULL)));
    }

    @Test
    void tenThousandNestedMixedContainersAreRefusedWithoutStackOverflow() {
        assertRefused(concat(repeat(bytes(ARRAY, 1, OBJECT, 1, 0), 5_000), bytes(NULL)));
    }

    @Test
    void millionOpenArraysWithoutContentAreRefused() {
        assertRefused(repeat(bytes(ARRAY, 1), 1_000_000));
    }

    // ------------------------------------------------------------ objects

    @Test
    void unsortedFieldNamesAreRefused() {
        assertThat(assertRefused(bytes(OBJECT, 2, 1, 'b', NULL, 1, 'a', NULL))).hasMessageContaining("sorted");
        assertRefused(bytes(OBJECT, 2, 2, 'a', 'b', NULL, 1, 'a', NULL));
    }

    @Test
    void duplicateFieldNamesAreRefused() {
        assertRefused(bytes(OBJECT, 2, 1, 'a', NULL, 1, 'a', INT, 2));
        assertRefused(bytes(OBJECT, 2, 0, NULL, 0, NULL));
    }

    @Test
    void fieldNamesInUtf16OrderInsteadOfCodePointOrderAreRefused() {
        // U+1F600 sorts after U+FFFF by code point although its UTF-16 form sorts before.
        byte[] utf16Order = bytes(OBJECT, 2, 4, 0xF0, 0x9F, 0x98, 0x80, NULL, 3, 0xEF, 0xBF, 0xBF, NULL);
        byte[] codePointOrder = bytes(OBJECT, 2, 3, 0xEF, 0xBF, 0xBF, NULL, 4, 0xF0, 0x9F, 0x98, 0x80, NULL);

        assertRefused(utf16Order);
        assertThat(ValueCodec.decode(codePointOrder).size()).isEqualTo(2);
    }

    @Test
    void unsortedFieldsDeepInsideAValueAreRefused() {
        assertRefused(bytes(ARRAY, 2, NULL, OBJECT, 1, 1, 'k', OBJECT, 2, 1, 'z', NULL, 1, 'y', NULL));
    }

    // ------------------------------------------------------------ UTF-8

    private static final byte[][] MALFORMED_UTF8 = {
            bytes(0xC0, 0x80),                 // overlong NUL
            bytes(0xC1, 0xBF),                 // overlong U+007F
            bytes(0xE0, 0x80, 0xAF),           // overlong '/'
            bytes(0xE0, 0x9F, 0xBF),           // overlong U+07FF
            bytes(0xF0, 0x80, 0x80, 0xAF),     // overlong '/'
            bytes(0xF0, 0x8F, 0xBF, 0xBF),     // overlong U+FFFF
            bytes(0xED, 0xA0, 0x80),           // high surrogate U+D800 encoded
            bytes(0xED, 0xBF, 0xBF),           // low surrogate U+DFFF encoded
            bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), // CESU-8 pair for U+1F600
            bytes(0xC3),                       // truncated 2-byte sequence
            bytes(0xE6, 0x97),                 // truncated 3-byte sequence
            bytes(0xF0, 0x9F, 0x98),           // truncated 4-byte sequence
            bytes('a', 0xF0, 0x9F),            // truncated at the end after ASCII
            bytes(0x80),                       // lone continuation byte
            bytes(0xC3, 0x28),                 // lead byte followed by non-continuation
            bytes(0xF4, 0x90, 0x80, 0x80),     // beyond U+10FFFF
            bytes(0xF5, 0x80, 0x80, 0x80),     // invalid lead byte
            bytes(0xFE),
            bytes(0xFF),
    };

    @Test
    void malformedUtf8InAStringValueIsRefused() {
        for (byte[] m : MALFORMED_UTF8) {
            assertThat(assertRefused(concat(bytes(STRING, m.length), m), hex(m))).hasMessageContaining("UTF-8");
        }
    }

    @Test
    void malformedUtf8InAFieldNameIsRefused() {
        for (byte[] m : MALFORMED_UTF8) {
            assertRefused(concat(bytes(OBJECT, 1, m.length), m, bytes(NULL)), hex(m));
        }
    }

    @Test
    void malformedUtf8InAnIdIsRefused() {
        for (byte[] m : MALFORMED_UTF8) {
            assertRefused(concat(bytes(ID, m.length), m, bytes(1, 'd', 0)), "collection " + hex(m));
            assertRefused(concat(bytes(ID, 1, 'c', m.length), m, bytes(0)), "doc id " + hex(m));
        }
    }

    @Test
    void wellFormedBoundaryCodePointsAreAccepted() {
        byte[][] good = {bytes(0x7F), bytes(0xC2, 0x80), bytes(0xDF, 0xBF), bytes(0xE0, 0xA0, 0x80),
                bytes(0xED, 0x9F, 0xBF), bytes(0xEE, 0x80, 0x80), bytes(0xEF, 0xBF, 0xBF),
                bytes(0xF0, 0x90, 0x80, 0x80), bytes(0xF4, 0x8F, 0xBF, 0xBF), bytes(0x00)};
        for (byte[] g : good) {
            byte[] encoded = concat(bytes(STRING, g.length), g);
            assertThat(ValueCodec.encode(ValueCodec.decode(encoded))).as(hex(g)).isEqualTo(encoded);
        }
    }

    // ------------------------------------------------------------ floats and ids

    @Test
    void nonCanonicalNanBitsAreRefused() {
        long[] nans = {0x7ff8000000000001L, 0xfff8000000000000L, 0x7ff0000000000001L, 0x7fffffffffffffffL,
                0xffffffffffffffffL};
        for (long bits : nans) {
            byte[] encoded = new ByteSink().u8(FLOAT).u64(bits).toByteArray();
            assertThat(assertRefused(encoded, Long.toHexString(bits))).hasMessageContaining("NaN");
        }
    }

    @Test
    void canonicalNanAndInfinitiesAreAccepted() {
        for (long bits : new long[] {0x7ff8000000000000L, 0x7ff0000000000000L, 0xfff0000000000000L}) {
            byte[] encoded = new ByteSink().u8(FLOAT).u64(bits).toByteArray();
            assertThat(Double.doubleToRawLongBits(ValueCodec.decode(encoded).asDouble())).isEqualTo(bits);
        }
    }

    @Test
    void idVersionWithTheTopBitSetIsRefused() {
        assertThat(assertRefused(concat(bytes(ID, 1, 'c', 1, 'd'), topBitVarint(0)))).hasMessageContaining("version");
        assertRefused(concat(bytes(ID, 1, 'c', 1, 'd'), bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)));
    }
}
