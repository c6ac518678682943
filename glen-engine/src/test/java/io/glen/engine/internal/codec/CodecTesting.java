package io.glen.engine.internal.codec;

import static org.assertj.core.api.Assertions.fail;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/** Byte helpers and the one decoder contract shared by the codec tests. */
final class CodecTesting {

    static final int NULL = 0;
    static final int FALSE = 1;
    static final int TRUE = 2;
    static final int INT = 3;
    static final int FLOAT = 4;
    static final int STRING = 5;
    static final int BYTES = 6;
    static final int ARRAY = 7;
    static final int OBJECT = 8;
    static final int ID = 9;

    private CodecTesting() {
    }

    /** Bytes from ints, each taken modulo 256, so {@code 0xFF} may be written as such. */
    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] repeat(byte[] part, int times) {
        byte[][] parts = new byte[times][];
        Arrays.fill(parts, part);
        return concat(parts);
    }

    static String hex(byte[] bytes) {
        return bytes.length > 200 ? HexFormat.of().formatHex(bytes, 0, 200) + "...(" + bytes.length + " bytes)"
                : HexFormat.of().formatHex(bytes);
    }

    /**
     * The decoder contract: the input either decodes to a value that re-encodes to exactly the input,
     * or is refused with {@link GlenCorruptionException}. Anything else (another exception, an
     * error, a value with another encoding) fails the test.
     *
     * @return whether the input decoded
     */
    static boolean decodesCanonicallyOrIsRefused(byte[] input, String context) {
        Value value;
        try {
            value = ValueCodec.decode(input);
        } catch (GlenCorruptionException refused) {
            return false;
        } catch (Throwable other) {
            throw new AssertionError(context + ": decoding " + hex(input) + " threw " + other, other);
        }
        byte[] again = ValueCodec.encode(value);
        if (!Arrays.equals(again, input)) {
            fail("%s: %s decoded to %s which re-encodes to %s", context, hex(input), value, hex(again));
        }
        return true;
    }

    /** Asserts that decoding is refused with {@link GlenCorruptionException} and nothing else. */
    static GlenCorruptionException assertRefused(byte[] input, String context) {
        try {
            Value value = ValueCodec.decode(input);
            throw new AssertionError(context + ": " + hex(input) + " decoded to " + value
                    + " instead of being refused");
        } catch (GlenCorruptionException refused) {
            return refused;
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable other) {
            throw new AssertionError(context + ": decoding " + hex(input) + " threw " + other
                    + " instead of GlenCorruptionException", other);
        }
    }

    static GlenCorruptionException assertRefused(byte[] input) {
        return assertRefused(input, "input");
    }
}
