package io.glen.engine.search.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Scores follow Spring Data's normalization: higher is more similar, identical vectors score 1 where bounded. */
class VectorSimilarityTest {

    @Test
    void cosineScoreIsOnePlusCosineOverTwo() {
        assertThat(VectorSimilarity.COSINE.score(new float[] {1, 0}, new float[] {5, 0})).isCloseTo(1.0, within(1e-6));
        assertThat(VectorSimilarity.COSINE.score(new float[] {1, 0}, new float[] {0, 3})).isCloseTo(0.5, within(1e-6));
        assertThat(VectorSimilarity.COSINE.score(new float[] {1, 0}, new float[] {-2, 0})).isCloseTo(0.0, within(1e-6));
        assertThat(VectorSimilarity.COSINE.score(new float[] {1, 1}, new float[] {1, 0}))
                .isCloseTo((1 + Math.sqrt(0.5)) / 2, within(1e-6));
    }

    @Test
    void dotProductScoreIsOnePlusDotOverTwo() {
        assertThat(VectorSimilarity.DOT_PRODUCT.score(new float[] {0.6f, 0.8f}, new float[] {0.6f, 0.8f}))
                .isCloseTo(1.0, within(1e-6));
        assertThat(VectorSimilarity.DOT_PRODUCT.score(new float[] {1, 2}, new float[] {3, 4})).isCloseTo(6.0, within(1e-6));
    }

    @Test
    void euclideanScoreIsOneOverOnePlusSquaredDistance() {
        assertThat(VectorSimilarity.EUCLIDEAN.score(new float[] {1, 2}, new float[] {1, 2})).isEqualTo(1.0);
        assertThat(VectorSimilarity.EUCLIDEAN.score(new float[] {0, 0}, new float[] {3, 4})).isCloseTo(1.0 / 26, within(1e-9));
    }

    @Test
    void cosineRejectsTheZeroVector() {
        assertThatThrownBy(() -> VectorSimilarity.COSINE.score(new float[] {0, 0}, new float[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero vector");
    }

    @Test
    void vectorsOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> VectorSimilarity.EUCLIDEAN.score(new float[] {1, 2, 3}, new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 dimensions, expected 2");
    }

    @Test
    void nonFiniteComponentsAreRejectedByPosition() {
        assertThatThrownBy(() -> VectorSimilarity.DOT_PRODUCT.score(new float[] {1, Float.NaN}, new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("component 1 is NaN");
        assertThatThrownBy(() -> VectorSimilarity.DOT_PRODUCT.score(new float[] {1, 2}, new float[] {Float.NEGATIVE_INFINITY, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("component 0 is -Infinity");
    }
}
