package io.glen.engine.search.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Approximate search finds nearly all of the true nearest neighbours, at fixed seeds with stated bounds. */
class VectorRecallTest {

    private static final int COUNT = 5_000;
    private static final int DIMENSIONS = 32;
    private static final int QUERIES = 100;

    @Test
    void recallAt10IsAtLeast95PercentOnUniformVectorsAtEf100() {
        long seed = 1701;
        System.out.println("VectorRecallTest uniform seed " + seed);
        float[][] data = TestVectors.uniform(seed, COUNT, DIMENSIONS);
        float[][] queries = TestVectors.uniform(seed + 1, QUERIES, DIMENSIONS);
        for (VectorSimilarity similarity : VectorSimilarity.values()) {
            VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, similarity), data);
            assertThat(recallAt10(index, queries, 100)).as(similarity.name()).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void recallAt10IsAtLeast95PercentOnClusteredVectorsAtEf100() {
        long seed = 1702;
        System.out.println("VectorRecallTest clustered seed " + seed);
        float[][] data = TestVectors.clustered(seed, 10_000, DIMENSIONS, 50, 0.3);
        float[][] queries = TestVectors.clustered(seed + 1, QUERIES, DIMENSIONS, 50, 0.3);
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.COSINE), data);
        assertThat(recallAt10(index, queries, 100)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void largerEfFindsAtLeastAsManyTrueNeighbours() {
        long seed = 1703;
        System.out.println("VectorRecallTest ef seed " + seed);
        float[][] data = TestVectors.uniform(seed, COUNT, DIMENSIONS);
        float[][] queries = TestVectors.uniform(seed + 1, QUERIES, DIMENSIONS);
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.EUCLIDEAN), data);
        double low = recallAt10(index, queries, 10);
        double high = recallAt10(index, queries, 200);
        assertThat(high).isGreaterThan(low).isGreaterThanOrEqualTo(0.97);
    }

    /** The mean fraction of the exact top 10 that the approximate top 10 contains. */
    static double recallAt10(VectorIndex index, float[][] queries, int ef) {
        int found = 0;
        for (float[] q : queries) {
            Set<String> exact = ids(index.exactSearch(q, 10, null));
            Set<String> approximate = new HashSet<>(ids(index.search(q, 10, ef, null)));
            approximate.retainAll(exact);
            found += approximate.size();
        }
        return found / (10.0 * queries.length);
    }

    private static Set<String> ids(List<VectorMatch> matches) {
        return matches.stream().map(VectorMatch::id).collect(Collectors.toSet());
    }
}
