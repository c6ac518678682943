package io.glen.engine.search.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad vectors, queries and parameters are rejected with a clear message and leave the index unchanged. */
class VectorIndexInputTest {

    private final VectorIndex index = new VectorIndex(VectorIndexConfig.of(3, VectorSimilarity.COSINE));

    @Test
    void aVectorOfTheWrongDimensionIsRejected() {
        assertThatThrownBy(() -> index.put("a", new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("vector has 2 dimensions, expected 3");
        assertThat(index.size()).isZero();
    }

    @Test
    void aVectorWithNaNIsRejected() {
        assertThatThrownBy(() -> index.put("a", new float[] {1, Float.NaN, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("component 1 is NaN");
        assertThat(index.contains("a")).isFalse();
    }

    @Test
    void aVectorWithInfinityIsRejected() {
        assertThatThrownBy(() -> index.put("a", new float[] {Float.POSITIVE_INFINITY, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("component 0 is Infinity");
    }

    @Test
    void aZeroVectorIsRejectedForCosine() {
        assertThatThrownBy(() -> index.put("a", new float[] {0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero vector");
    }

    @Test
    void aZeroVectorIsAcceptedForEuclidean() {
        VectorIndex euclidean = new VectorIndex(VectorIndexConfig.of(3, VectorSimilarity.EUCLIDEAN));
        euclidean.put("origin", new float[] {0, 0, 0});
        assertThat(euclidean.search(new float[] {0, 0, 1}, 1)).containsExactly(new VectorMatch("origin", 0.5));
    }

    @Test
    void aRejectedReplacementKeepsTheOldVector() {
        index.put("a", new float[] {1, 0, 0});
        assertThatThrownBy(() -> index.put("a", new float[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(index.search(new float[] {1, 0, 0}, 1)).extracting(VectorMatch::id).containsExactly("a");
        assertThat(index.deletedNodes()).isZero();
    }

    @Test
    void queriesAreValidatedLikeVectors() {
        index.put("a", new float[] {1, 0, 0});
        assertThatThrownBy(() -> index.search(new float[] {1, 0}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("vector has 2 dimensions, expected 3");
        assertThatThrownBy(() -> index.exactSearch(new float[] {0, 0, 0}, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero vector");
    }

    @Test
    void kAndEfMustBePositive() {
        assertThatThrownBy(() -> index.search(new float[] {1, 0, 0}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be at least 1, got 0");
        assertThatThrownBy(() -> index.search(new float[] {1, 0, 0}, 1, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ef must be at least 1, got 0");
    }

    @Test
    void configurationRejectsNonsense() {
        assertThatThrownBy(() -> VectorIndexConfig.of(0, VectorSimilarity.COSINE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimensions");
        assertThatThrownBy(() -> VectorIndexConfig.of(4, VectorSimilarity.COSINE).withGraph(1, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m must be");
        assertThatThrownBy(() -> VectorIndexConfig.of(4, VectorSimilarity.COSINE).withGraph(16, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("efConstruction");
    }

    @Test
    void theIndexKeepsItsOwnCopyOfEachVector() {
        float[] v = {1, 0, 0};
        index.put("a", v);
        index.put("b", new float[] {0, 1, 0});
        v[0] = 0;
        v[1] = 1;
        assertThat(index.search(new float[] {1, 0, 0}, 1)).extracting(VectorMatch::id).containsExactly("a");
    }
}
