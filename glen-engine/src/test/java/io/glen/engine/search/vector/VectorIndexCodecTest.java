package io.glen.engine.search.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenCorruptionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A persisted graph loads back into an index that answers exactly as the original did. */
class VectorIndexCodecTest {

    private static final int DIMENSIONS = 12;

    @Test
    void aLoadedIndexAnswersEveryQueryLikeTheOriginal() throws IOException {
        float[][] data = TestVectors.uniform(55, 3_000, DIMENSIONS);
        VectorIndex original = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.DOT_PRODUCT), data);
        for (int i = 0; i < 400; i++) {
            original.remove("v" + (i * 7));
        }
        VectorIndex loaded = VectorIndexCodec.read(new ByteArrayInputStream(bytes(original)));
        assertThat(loaded.config()).isEqualTo(original.config());
        assertThat(loaded.size()).isEqualTo(original.size());
        for (float[] q : TestVectors.uniform(56, 50, DIMENSIONS)) {
            assertThat(loaded.search(q, 10, 50, null)).isEqualTo(original.search(q, 10, 50, null));
        }
        GraphInvariants.assertConsistentAfterPurge(loaded);
    }

    @Test
    void aLoadedIndexAcceptsFurtherWrites() throws IOException {
        float[][] data = TestVectors.uniform(57, 1_200, DIMENSIONS);
        VectorIndex loaded = VectorIndexCodec.read(new ByteArrayInputStream(
                bytes(TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.EUCLIDEAN), data))));
        float[] extra = TestVectors.uniform(58, 1, DIMENSIONS)[0];
        loaded.put("new", extra);
        loaded.remove("v3");
        assertThat(loaded.search(extra, 1, 100, null)).extracting(VectorMatch::id).containsExactly("new");
        GraphInvariants.assertConsistentAfterPurge(loaded);
    }

    @Test
    void anEmptyIndexRoundTrips() throws IOException {
        VectorIndex empty = new VectorIndex(VectorIndexConfig.of(3, VectorSimilarity.COSINE));
        VectorIndex loaded = VectorIndexCodec.read(new ByteArrayInputStream(bytes(empty)));
        assertThat(loaded.size()).isZero();
        assertThat(loaded.config()).isEqualTo(empty.config());
    }

    @Test
    void aFlippedByteIsDetected() throws IOException {
        byte[] bytes = bytes(TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.COSINE),
                TestVectors.uniform(59, 300, DIMENSIONS)));
        bytes[bytes.length / 2] ^= 0x10;
        assertThatThrownBy(() -> VectorIndexCodec.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(GlenCorruptionException.class);
    }

    @Test
    void aTruncatedFileIsDetected() throws IOException {
        byte[] bytes = bytes(TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.COSINE),
                TestVectors.uniform(60, 300, DIMENSIONS)));
        assertThatThrownBy(() -> VectorIndexCodec.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 9))))
                .isInstanceOf(GlenCorruptionException.class).hasMessageContaining("ends early");
    }

    @Test
    void otherBytesAreNotAVectorIndex() {
        assertThatThrownBy(() -> VectorIndexCodec.read(new ByteArrayInputStream(new byte[64])))
                .isInstanceOf(GlenCorruptionException.class).hasMessageContaining("bad magic");
    }

    private static byte[] bytes(VectorIndex index) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorIndexCodec.write(index, out);
        return out.toByteArray();
    }
}
