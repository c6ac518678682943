package io.glen.engine.search.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A filter is applied during the search (pre-filtering), so the k results are the best admitted ones. */
class VectorFilteredSearchTest {

    private static final int DIMENSIONS = 32;
    private static final long SEED = 3131;
    private static VectorIndex index;
    private static float[][] queries;

    @BeforeAll
    static void build() {
        System.out.println("VectorFilteredSearchTest seed " + SEED);
        index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.COSINE),
                TestVectors.clustered(SEED, 5_000, DIMENSIONS, 20, 0.3));
        queries = TestVectors.clustered(SEED + 1, 50, DIMENSIONS, 20, 0.3);
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring(1));
    }

    @Test
    void onlyAdmittedDocumentsAreReturnedAndRecallStaysAbove95Percent() {
        Predicate<String> third = id -> number(id) % 3 == 0;
        int found = 0;
        for (float[] q : queries) {
            List<VectorMatch> approximate = index.search(q, 10, 100, third);
            assertThat(approximate).hasSize(10).allMatch(m -> third.test(m.id()));
            Set<String> exact = new HashSet<>(approximate.stream().map(VectorMatch::id).toList());
            exact.retainAll(index.exactSearch(q, 10, third).stream().map(VectorMatch::id).toList());
            found += exact.size();
        }
        assertThat(found / (10.0 * queries.length)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aVerySelectiveFilterFallsBackToTheExactAnswer() {
        Predicate<String> five = id -> number(id) % 1_000 == 7;
        for (float[] q : queries) {
            assertThat(index.search(q, 3, 50, five)).isEqualTo(index.exactSearch(q, 3, five));
        }
    }

    @Test
    void aFilterThatAdmitsNothingFindsNothing() {
        assertThat(index.search(queries[0], 10, 100, id -> false)).isEmpty();
    }
}
