package io.glen.engine.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.value.ObjectValue;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoded documents share their field-name strings, and sharing never changes what decodes. */
class SharedNamesTest {

    @Test
    void twoDecodesOfDocumentsWithTheSameFieldsShareTheNameStrings() {
        ObjectValue a = (ObjectValue) ValueCodec.decode(ValueCodec.encode(
                Value.object().put("city", "Oslo").put("ñame", "a").build()));
        ObjectValue b = (ObjectValue) ValueCodec.decode(ValueCodec.encode(
                Value.object().put("city", "Rome").put("ñame", "b").build()));

        assertThat(a.nameAt(0)).isEqualTo("city").isSameAs(b.nameAt(0));
        assertThat(a.nameAt(1)).isEqualTo("ñame").isSameAs(b.nameAt(1));
    }

    @Test
    void longNamesAreDecodedButNotShared() {
        String longName = "n".repeat(SharedNames.MAX_BYTES + 1);
        byte[] encoded = ValueCodec.encode(Value.object().put(longName, 1).build());

        ObjectValue a = (ObjectValue) ValueCodec.decode(encoded);
        ObjectValue b = (ObjectValue) ValueCodec.decode(encoded);

        assertThat(a.nameAt(0)).isEqualTo(longName).isNotSameAs(b.nameAt(0));
    }

    @Test
    void manyDistinctNamesCollidingInTheTableAllDecodeToThemselves() {
        Random random = new Random(20261124);
        for (int i = 0; i < 50_000; i++) {
            int length = 1 + random.nextInt(SharedNames.MAX_BYTES);
            StringBuilder name = new StringBuilder();
            for (int k = 0; k < length; k++) {
                name.append((char) ('a' + random.nextInt(3)));
            }
            Value doc = Value.object().put(name.toString(), i).build();
            assertThat(ValueCodec.decode(ValueCodec.encode(doc))).as("seed 20261124, name %s", name).isEqualTo(doc);
        }
    }

    @Test
    void malformedUtf8InAShortNameIsStillRejectedAfterAValidNameWithTheSameLengthWasShared() {
        byte[] valid = ValueCodec.encode(Value.object().put("ab", 1).build());
        ValueCodec.decode(valid);
        byte[] broken = valid.clone();
        int at = indexOf(broken, "ab".getBytes(StandardCharsets.UTF_8));
        broken[at] = (byte) 0xC3; // a lead byte followed by 'b': malformed
        assertThatThrownBy(() -> ValueCodec.decode(broken)).isInstanceOf(GlenCorruptionException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
