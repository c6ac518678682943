package io.glen.engine.internal.codec;

import static io.glen.engine.internal.codec.CodecTesting.decodesCanonicallyOrIsRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.testing.RandomValues;
import io.glen.engine.value.ValueCodec;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the decoder: every input either decodes to a value whose encoding is exactly
 * that input (the decoder accepts only canonical bytes), or is refused with
 * {@code GlenCorruptionException}. Each case has its own seed, reported on failure.
 */
class ValueCodecFuzzTest {

    private static final int RANDOM_INPUTS = 200_000;
    private static final int MUTATED_VALUES = 10_000;
    private static final int BIT_FLIPPED_VALUES = 300;

    /** Random bytes, usually starting with a valid tag and with small varints, so parsing gets deep. */
    private static byte[] randomInput(Random random) {
        byte[] input = new byte[random.nextInt(33)];
        for (int i = 0; i < input.length; i++) {
            if (i == 0 && random.nextInt(10) != 0) {
                input[i] = (byte) random.nextInt(10); // a valid tag
                continue;
            }
            int choice = random.nextInt(10);
            input[i] = (byte) (choice < 4 ? random.nextInt(10) // a tag, or a small count/length
                    : choice < 6 ? 'a' + random.nextInt(3)    // ASCII for names
                    : random.nextInt(256));
        }
        return input;
    }

    @Test
    void randomInputsDecodeCanonicallyOrAreRefused() {
        int decoded = 0;
        for (long seed = 0; seed < RANDOM_INPUTS; seed++) {
            byte[] input = randomInput(new Random(seed));
            if (decodesCanonicallyOrIsRefused(input, "seed " + seed)) {
                decoded++;
            }
        }
        // Both outcomes must actually occur, or the generator is not testing the decoder.
        assertThat(decoded).as("inputs that decoded").isBetween(RANDOM_INPUTS / 200, RANDOM_INPUTS - RANDOM_INPUTS / 10);
    }

    @Test
    void mutatedValidEncodingsDecodeCanonicallyOrAreRefused() {
        int decoded = 0;
        int refused = 0;
        for (long seed = 0; seed < MUTATED_VALUES; seed++) {
            RandomValues values = new RandomValues(seed);
            Random random = values.random();
            byte[] valid = ValueCodec.encode(values.any(4));
            for (int m = 0; m < 4; m++) {
                byte[] input = mutate(valid, random);
                if (decodesCanonicallyOrIsRefused(input, "seed " + seed + " mutation " + m)) {
                    decoded++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(decoded).as("mutations that decoded").isGreaterThan(MUTATED_VALUES / 20);
        assertThat(refused).as("mutations that were refused").isGreaterThan(MUTATED_VALUES);
    }

    @Test
    void singleBitFlipsOfValidEncodingsDecodeCanonicallyOrAreRefused() {
        for (long seed = 0; seed < BIT_FLIPPED_VALUES; seed++) {
            byte[] valid = ValueCodec.encode(new RandomValues(seed).any(3));
            for (int bit = 0; bit < valid.length * 8; bit++) {
                byte[] input = valid.clone();
                input[bit / 8] ^= (byte) (1 << (bit % 8));
                decodesCanonicallyOrIsRefused(input, "seed " + seed + " bit " + bit);
            }
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] out = valid.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            if (out.length == 0) {
                return new byte[] {(byte) random.nextInt(256)};
            }
            int at = random.nextInt(out.length);
            switch (random.nextInt(7)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));          // flip a bit
                case 1 -> out[at] = (byte) random.nextInt(256);                // replace a byte
                case 2 -> out[at] = (byte) (random.nextBoolean() ? 0x80 : 0xFF); // a varint continuation
                case 3 -> {                                                    // insert a byte
                    byte[] grown = new byte[out.length + 1];
                    System.arraycopy(out, 0, grown, 0, at);
                    grown[at] = (byte) random.nextInt(256);
                    System.arraycopy(out, at, grown, at + 1, out.length - at);
                    out = grown;
                }
                case 4 -> {                                                    // delete a byte
                    byte[] shrunk = new byte[out.length - 1];
                    System.arraycopy(out, 0, shrunk, 0, at);
                    System.arraycopy(out, at + 1, shrunk, at, out.length - at - 1);
                    out = shrunk;
                }
                case 5 -> out = Arrays.copyOf(out, at);                        // truncate
                default -> {                                                   // duplicate a tail
                    byte[] tail = Arrays.copyOfRange(out, at, out.length);
                    byte[] longer = Arrays.copyOf(out, out.length + tail.length);
                    System.arraycopy(tail, 0, longer, out.length, tail.length);
                    out = longer;
                }
            }
        }
        return out;
    }
}
