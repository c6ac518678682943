package io.glen.engine.internal.codec;

import static io.glen.engine.internal.codec.CodecTesting.bytes;
import static io.glen.engine.internal.codec.CodecTesting.concat;
import static io.glen.engine.internal.codec.CodecTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.testing.RandomValues;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte primitives: fixed-width little-endian integers, LEB128 varints, zigzag and strings. */
class ByteSinkSourceTest {

    private static byte[] varint(long v) {
        return new ByteSink().varLong(v).toByteArray();
    }

    private static long readVarint(byte[] b) {
        ByteSource in = new ByteSource(b);
        long v = in.varLong();
        in.expectEnd("varint");
        return v;
    }

    // ------------------------------------------------------------ fixed width

    @Test
    void u32IsWrittenLittleEndian() {
        assertThat(new ByteSink().u32(0x04030201).toByteArray()).containsExactly(bytes(1, 2, 3, 4));
        assertThat(new ByteSink().u32(-1).toByteArray()).containsExactly(bytes(0xFF, 0xFF, 0xFF, 0xFF));
        assertThat(new ByteSink().u32(Integer.MIN_VALUE).toByteArray()).containsExactly(bytes(0, 0, 0, 0x80));
    }

    @Test
    void u64IsWrittenLittleEndian() {
        assertThat(new ByteSink().u64(0x0807060504030201L).toByteArray())
                .containsExactly(bytes(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(new ByteSink().u64(Long.MIN_VALUE).toByteArray()).containsExactly(bytes(0, 0, 0, 0, 0, 0, 0, 0x80));
        assertThat(new ByteSink().u64(0xFFL).toByteArray()).containsExactly(bytes(0xFF, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void u32AndU64AreReadLittleEndian() {
        ByteSource in = new ByteSource(bytes(1, 2, 3, 0x84, 1, 2, 3, 4, 5, 6, 7, 0x88));
        assertThat(in.u32()).isEqualTo(0x84030201);
        assertThat(in.u64()).isEqualTo(0x8807060504030201L);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void u8ReadsUnsigned() {
        ByteSource in = new ByteSource(bytes(0xFF, 0x80, 0x7F));
        assertThat(in.u8()).isEqualTo(255);
        assertThat(in.u8()).isEqualTo(128);
        assertThat(in.u8()).isEqualTo(127);
    }

    @Test
    void putU32AtOverwritesInPlaceLittleEndian() {
        ByteSink sink = new ByteSink().u8(9).u32(0).u8(9);
        sink.putU32At(1, 0x0A0B0C0D);
        assertThat(sink.toByteArray()).containsExactly(bytes(9, 0x0D, 0x0C, 0x0B, 0x0A, 9));
    }

    @Test
    void littleEndianWorksAtUnalignedOffsets() {
        byte[] buf = new byte[13];
        LittleEndian.putLong(buf, 3, 0x1122334455667788L);
        LittleEndian.putInt(buf, 1, 0xA1B2C3D4);
        assertThat(LittleEndian.getLong(buf, 5)).isEqualTo(0x0000112233445566L);
        assertThat(buf[1]).isEqualTo((byte) 0xD4);
        assertThat(LittleEndian.getInt(buf, 1)).isEqualTo(0xA1B2C3D4);
    }

    @Test
    void fixedWidthRoundTripsForRandomValues() {
        for (long seed = 0; seed < 1_000; seed++) {
            Random random = new Random(seed);
            int i = random.nextInt();
            long l = random.nextLong();
            ByteSource in = new ByteSource(new ByteSink().u32(i).u64(l).toByteArray());
            assertThat(in.u32()).as("seed %d", seed).isEqualTo(i);
            assertThat(in.u64()).as("seed %d", seed).isEqualTo(l);
        }
    }

    // ------------------------------------------------------------ varints

    @Test
    void varintSmallValuesUseOneByte() {
        assertThat(varint(0)).containsExactly(bytes(0));
        assertThat(varint(1)).containsExactly(bytes(1));
        assertThat(varint(127)).containsExactly(bytes(0x7F));
    }

    @Test
    void varintIsLeb128LowGroupFirst() {
        assertThat(varint(128)).containsExactly(bytes(0x80, 0x01));
        assertThat(varint(300)).containsExactly(bytes(0xAC, 0x02));
        assertThat(varint(16_383)).containsExactly(bytes(0xFF, 0x7F));
        assertThat(varint(16_384)).containsExactly(bytes(0x80, 0x80, 0x01));
    }

    @Test
    void varintGrowsByOneByteAtEverySevenBitBoundary() {
        for (int k = 1; k <= 9; k++) {
            long lastOfK = (1L << (7 * k)) - 1;
            assertThat(varint(lastOfK)).as("2^%d-1", 7 * k).hasSize(k);
            assertThat(readVarint(varint(lastOfK))).as("2^%d-1", 7 * k).isEqualTo(lastOfK);
            if (k < 9) {
                long firstOfNext = 1L << (7 * k);
                assertThat(varint(firstOfNext)).as("2^%d", 7 * k).hasSize(k + 1);
                assertThat(readVarint(varint(firstOfNext))).as("2^%d", 7 * k).isEqualTo(firstOfNext);
            }
        }
    }

    @Test
    void varintOfValuesWithTheTopBitSetUsesTenBytes() {
        assertThat(varint(Long.MAX_VALUE)).containsExactly(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F));
        assertThat(varint(Long.MIN_VALUE))
                .containsExactly(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01));
        assertThat(varint(-1L)).containsExactly(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01));
        assertThat(readVarint(varint(-1L))).isEqualTo(-1L);
        assertThat(readVarint(varint(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void varintRoundTripsForRandomValuesOfEveryMagnitude() {
        for (long seed = 0; seed < 5_000; seed++) {
            Random random = new Random(seed);
            long v = random.nextLong() >>> random.nextInt(64);
            byte[] encoded = varint(v);
            assertThat(readVarint(encoded)).as("seed %d: %s", seed, hex(encoded)).isEqualTo(v);
            int significantBits = 64 - Long.numberOfLeadingZeros(v);
            assertThat(encoded).as("seed %d", seed).hasSize(Math.max(1, (significantBits + 6) / 7));
        }
    }

    @Test
    void nonMinimalVarintIsRefused() {
        for (byte[] b : new byte[][] {bytes(0x80, 0x00), bytes(0x81, 0x00), bytes(0xFF, 0x80, 0x00),
                bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)}) {
            assertThatThrownBy(() -> readVarint(b)).as(hex(b)).isInstanceOf(GlenCorruptionException.class)
                    .hasMessageContaining("non-minimal");
        }
    }

    @Test
    void varintOverflowingSixtyFourBitsIsRefused() {
        byte[] tenthByteTwo = bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02);
        byte[] tenthByteContinues = bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x81, 0x00);
        byte[] elevenBytes = bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
        for (byte[] b : new byte[][] {tenthByteTwo, tenthByteContinues, elevenBytes}) {
            assertThatThrownBy(() -> readVarint(b)).as(hex(b)).isInstanceOf(GlenCorruptionException.class);
        }
    }

    @Test
    void truncatedVarintIsRefused() {
        for (byte[] b : new byte[][] {bytes(), bytes(0x80), bytes(0xFF, 0xFF)}) {
            assertThatThrownBy(() -> new ByteSource(b).varLong()).as(hex(b))
                    .isInstanceOf(GlenCorruptionException.class).hasMessageContaining("truncated");
        }
    }

    // ------------------------------------------------------------ zigzag

    @Test
    void zigzagMapsSmallMagnitudesToSmallCodes() {
        long[][] pairs = {{0, 0}, {-1, 1}, {1, 2}, {-2, 3}, {2, 4}, {-64, 127}, {64, 128},
                {Long.MAX_VALUE, -2L}, {Long.MIN_VALUE, -1L}};
        for (long[] pair : pairs) {
            byte[] encoded = new ByteSink().zigzag(pair[0]).toByteArray();
            assertThat(readVarint(encoded)).as("zigzag(%d)", pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void zigzagRoundTripsForRandomAndExtremeValues() {
        long[] extremes = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, 1L << 62, -(1L << 62)};
        for (long v : extremes) {
            assertThat(new ByteSource(new ByteSink().zigzag(v).toByteArray()).zigzag()).isEqualTo(v);
        }
        for (long seed = 0; seed < 5_000; seed++) {
            long v = new Random(seed).nextLong() >> new Random(~seed).nextInt(64);
            assertThat(new ByteSource(new ByteSink().zigzag(v).toByteArray()).zigzag()).as("seed %d", seed)
                    .isEqualTo(v);
        }
    }

    // ------------------------------------------------------------ lengths

    @Test
    void lengthAcceptsExactlyTheBytesLeft() {
        ByteSource in = new ByteSource(bytes(3, 'a', 'b', 'c'));
        assertThat(in.length("test", 1, 100)).isEqualTo(3);
        assertThat(in.position()).isEqualTo(1);
    }

    @Test
    void lengthBeyondTheBytesLeftIsRefused() {
        assertThatThrownBy(() -> new ByteSource(bytes(4, 'a', 'b', 'c')).length("test", 1, 100))
                .isInstanceOf(GlenCorruptionException.class).hasMessageContaining("test");
        assertThatThrownBy(() -> new ByteSource(bytes(2, 'a', 'b', 'c')).length("test", 2, 100))
                .isInstanceOf(GlenCorruptionException.class);
    }

    @Test
    void lengthAboveTheMaximumIsRefused() {
        assertThatThrownBy(() -> new ByteSource(bytes(5, 0, 0, 0, 0, 0)).length("test", 1, 4))
                .isInstanceOf(GlenCorruptionException.class).hasMessageContaining("limit");
    }

    @Test
    void lengthWithTheTopBitSetIsRefused() {
        // 2^64-1 and 2^63+3 are negative as a long; neither may pass as a (truncated) int length.
        byte[] minusOne = bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 'a', 'b', 'c');
        byte[] twoTo63Plus3 = bytes(0x83, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 'a', 'b', 'c');
        for (byte[] b : new byte[][] {minusOne, twoTo63Plus3}) {
            assertThatThrownBy(() -> new ByteSource(b).length("test", 1, Integer.MAX_VALUE)).as(hex(b))
                    .isInstanceOf(GlenCorruptionException.class);
        }
    }

    @Test
    void hugeLengthWithFewBytesLeftIsRefusedBeforeAllocating() {
        byte[] b = concat(varint(Integer.MAX_VALUE), bytes(1, 2, 3));
        assertThatThrownBy(() -> new ByteSource(b).length("test", 1, Integer.MAX_VALUE))
                .isInstanceOf(GlenCorruptionException.class).hasMessageContaining("bytes left");
    }

    // ------------------------------------------------------------ strings

    @Test
    void stringIsAVarintByteLengthThenUtf8() {
        assertThat(new ByteSink().string("abc").toByteArray()).containsExactly(bytes(3, 'a', 'b', 'c'));
        assertThat(new ByteSink().string("\u00E9").toByteArray()).containsExactly(bytes(2, 0xC3, 0xA9));
        assertThat(new ByteSink().string("\u65E5").toByteArray()).containsExactly(bytes(3, 0xE6, 0x97, 0xA5));
        assertThat(new ByteSink().string("\uD83D\uDE00").toByteArray())
                .containsExactly(bytes(4, 0xF0, 0x9F, 0x98, 0x80));
        assertThat(new ByteSink().string("").toByteArray()).containsExactly(bytes(0));
    }

    @Test
    void stringEncodingMatchesTheJdkForRandomWellFormedStrings() {
        for (long seed = 0; seed < 2_000; seed++) {
            String s = new RandomValues(seed).string();
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            byte[] encoded = new ByteSink().string(s).toByteArray();
            assertThat(encoded).as("seed %d", seed).isEqualTo(concat(varint(utf8.length), utf8));
            ByteSource in = new ByteSource(encoded);
            assertThat(in.string(Integer.MAX_VALUE)).as("seed %d", seed).isEqualTo(s);
            in.expectEnd("string");
        }
    }

    @Test
    void longStringLengthPrefixIsAMultiByteVarint() {
        String s = "x".repeat(200);
        byte[] encoded = new ByteSink().string(s).toByteArray();
        assertThat(encoded).hasSize(202);
        assertThat(encoded[0]).isEqualTo((byte) 0xC8);
        assertThat(encoded[1]).isEqualTo((byte) 0x01);
    }

    @Test
    void stringWithAnUnpairedSurrogateIsRefusedOnWrite() {
        for (String s : new String[] {"\uD800", "\uDC00", "a\uD83D", "\uDE00\uD83D", "x\uD83Dy"}) {
            assertThatThrownBy(() -> new ByteSink().string(s)).as("%s", hex(s.getBytes(StandardCharsets.UTF_16BE)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        }
    }

    @Test
    void stringLongerThanItsMaximumIsRefusedOnRead() {
        assertThatThrownBy(() -> new ByteSource(bytes(3, 'a', 'b', 'c')).string(2))
                .isInstanceOf(GlenCorruptionException.class);
    }

    @Test
    void malformedUtf8IsRefusedOnRead() {
        byte[][] malformed = {bytes(0xC0, 0x80), bytes(0xE0, 0x80, 0x80), bytes(0xED, 0xA0, 0x80), bytes(0xC3),
                bytes(0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xFF)};
        for (byte[] m : malformed) {
            byte[] b = concat(varint(m.length), m);
            assertThatThrownBy(() -> new ByteSource(b).string(100)).as(hex(b))
                    .isInstanceOf(GlenCorruptionException.class).hasMessageContaining("UTF-8");
        }
    }

    // ------------------------------------------------------------ source bookkeeping

    @Test
    void readsPastTheEndAreRefusedAsTruncation() {
        assertThatThrownBy(() -> new ByteSource(bytes()).u8()).isInstanceOf(GlenCorruptionException.class);
        assertThatThrownBy(() -> new ByteSource(bytes(1, 2, 3)).u32()).isInstanceOf(GlenCorruptionException.class);
        assertThatThrownBy(() -> new ByteSource(bytes(1, 2, 3, 4, 5, 6, 7)).u64())
                .isInstanceOf(GlenCorruptionException.class);
        assertThatThrownBy(() -> new ByteSource(bytes(1, 2)).bytes(3)).isInstanceOf(GlenCorruptionException.class);
        assertThatThrownBy(() -> new ByteSource(bytes(1, 2)).bytes(-1)).isInstanceOf(GlenCorruptionException.class);
        assertThatThrownBy(() -> new ByteSource(bytes(1, 2)).skip(3)).isInstanceOf(GlenCorruptionException.class);
    }

    @Test
    void sourceOverASliceReadsOnlyTheSliceAndReportsArrayPositions() {
        byte[] buf = bytes(0xAA, 0xAA, 7, 8, 9, 0xBB);
        ByteSource in = new ByteSource(buf, 2, 3);

        assertThat(in.position()).isEqualTo(2);
        assertThat(in.remaining()).isEqualTo(3);
        assertThat(in.u8()).isEqualTo(7);
        assertThat(in.bytes(2)).containsExactly(8, 9);
        assertThat(in.position()).isEqualTo(5);
        assertThatThrownBy(in::u8).isInstanceOf(GlenCorruptionException.class);
        in.expectEnd("slice");
    }

    @Test
    void expectEndRefusesTrailingBytes() {
        ByteSource in = new ByteSource(bytes(1, 2));
        in.u8();
        assertThatThrownBy(() -> in.expectEnd("record")).isInstanceOf(GlenCorruptionException.class)
                .hasMessageContaining("record").hasMessageContaining("trailing");
    }

    @Test
    void sourceRangeOutsideTheArrayIsAProgrammingError() {
        byte[] buf = new byte[4];
        assertThatThrownBy(() -> new ByteSource(buf, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new ByteSource(buf, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new ByteSource(buf, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new ByteSource(buf, Integer.MAX_VALUE, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void sinkGrowsWellBeyondItsInitialCapacity() {
        ByteSink sink = new ByteSink(1);
        for (int i = 0; i < 50_000; i++) {
            sink.u8(i).u32(i);
        }
        byte[] out = sink.toByteArray();
        assertThat(sink.size()).isEqualTo(250_000);
        assertThat(out).hasSize(250_000);
        ByteSource in = new ByteSource(out);
        for (int i = 0; i < 50_000; i++) {
            assertThat(in.u8()).isEqualTo(i & 0xFF);
            assertThat(in.u32()).isEqualTo(i);
        }
    }

    @Test
    void sinkResetForgetsTheContent() {
        ByteSink sink = new ByteSink().u64(1).u8(2);
        sink.reset();
        sink.u8(7);
        assertThat(sink.size()).isEqualTo(1);
        assertThat(sink.toByteArray()).containsExactly(7);
    }

    @Test
    void sinkRawAndLengthPrefixedBytes() {
        byte[] src = bytes(9, 8, 7, 6);
        ByteSink sink = new ByteSink().bytes(src, 1, 2).lengthPrefixed(src).bytes(new byte[0]);
        assertThat(sink.toByteArray()).containsExactly(bytes(8, 7, 4, 9, 8, 7, 6));
    }
}
