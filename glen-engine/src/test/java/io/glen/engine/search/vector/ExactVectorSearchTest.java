package io.glen.engine.search.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Exact search returns exactly what a brute-force computation of the documented scores returns. */
class ExactVectorSearchTest {

    private static final int COUNT = 2_000;
    private static final int DIMENSIONS = 24;

    @Test
    void exactSearchMatchesBruteForceForEverySimilarity() {
        long seed = 4242;
        System.out.println("ExactVectorSearchTest seed " + seed);
        float[][] data = TestVectors.uniform(seed, COUNT, DIMENSIONS);
        float[][] queries = TestVectors.uniform(seed + 1, 20, DIMENSIONS);
        for (VectorSimilarity similarity : VectorSimilarity.values()) {
            VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, similarity), data);
            for (float[] q : queries) {
                assertMatchesBruteForce(index.exactSearch(q, 10, null), bruteForce(similarity, data, q, 10, id -> true));
            }
        }
    }

    @Test
    void exactSearchAppliesTheFilterBeforeRanking() {
        long seed = 4243;
        System.out.println("ExactVectorSearchTest filter seed " + seed);
        float[][] data = TestVectors.uniform(seed, COUNT, DIMENSIONS);
        float[] q = TestVectors.uniform(seed + 1, 1, DIMENSIONS)[0];
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.EUCLIDEAN), data);
        Predicate<String> odd = id -> Integer.parseInt(id.substring(1)) % 2 == 1;
        assertMatchesBruteForce(index.exactSearch(q, 15, odd), bruteForce(VectorSimilarity.EUCLIDEAN, data, q, 15, odd));
    }

    @Test
    void smallIndexesAnswerApproximateQueriesExactly() {
        float[][] data = TestVectors.uniform(4244, 500, DIMENSIONS);
        float[] q = TestVectors.uniform(4245, 1, DIMENSIONS)[0];
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.COSINE), data);
        assertThat(index.search(q, 10, 1, null)).isEqualTo(index.exactSearch(q, 10, null));
    }

    @Test
    void fewerDocumentsThanKReturnsAllOfThem() {
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(2, VectorSimilarity.EUCLIDEAN),
                new float[][] {{0, 0}, {1, 1}});
        assertThat(index.search(new float[] {0, 0}, 5)).extracting(VectorMatch::id).containsExactly("v0", "v1");
        assertThat(new VectorIndex(VectorIndexConfig.of(2, VectorSimilarity.EUCLIDEAN)).search(new float[] {0, 0}, 5))
                .isEmpty();
    }

    private static void assertMatchesBruteForce(List<VectorMatch> actual, List<VectorMatch> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            // Float rounding may swap near-ties; the scores at each rank must agree closely.
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(actual.stream().map(VectorMatch::id).toList())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(VectorMatch::id).toList());
    }

    /** The top k by the documented formulas, computed in double from the raw vectors. */
    static List<VectorMatch> bruteForce(VectorSimilarity similarity, float[][] data, float[] q, int k, Predicate<String> filter) {
        List<VectorMatch> all = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            String id = "v" + i;
            if (filter.test(id)) {
                all.add(new VectorMatch(id, documentedScore(similarity, data[i], q)));
            }
        }
        all.sort(Comparator.comparingDouble(VectorMatch::score).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }

    private static double documentedScore(VectorSimilarity similarity, float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        double sq = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
            sq += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
        }
        return switch (similarity) {
            case COSINE -> (1 + dot / Math.sqrt(na * nb)) / 2;
            case DOT_PRODUCT -> (1 + dot) / 2;
            case EUCLIDEAN -> 1 / (1 + sq);
        };
    }
}
