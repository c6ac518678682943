package io.glen.engine.search.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Removing and replacing vectors: removed documents never come back, and recall survives heavy deletion. */
class VectorIndexDeleteTest {

    private static final int DIMENSIONS = 16;

    @Test
    void removedDocumentsAreNeverReturned() {
        long seed = 77;
        System.out.println("VectorIndexDeleteTest removed seed " + seed);
        float[][] data = TestVectors.uniform(seed, 3_000, DIMENSIONS);
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.EUCLIDEAN), data);
        Set<String> removed = new HashSet<>();
        for (int i = 0; i < data.length; i += 3) {
            assertThat(index.remove("v" + i)).isTrue();
            removed.add("v" + i);
        }
        assertThat(index.size()).isEqualTo(2_000);
        for (float[] q : TestVectors.uniform(seed + 1, 50, DIMENSIONS)) {
            assertThat(index.search(q, 20, 200, null)).extracting(VectorMatch::id).doesNotContainAnyElementsOf(removed);
            assertThat(index.exactSearch(q, 20, null)).extracting(VectorMatch::id).doesNotContainAnyElementsOf(removed);
        }
        // A removed document's own vector no longer finds it.
        assertThat(index.search(data[0], 1).get(0).id()).isNotEqualTo("v0");
        assertThat(index.contains("v0")).isFalse();
    }

    @Test
    void removingAnUnknownIdChangesNothing() {
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(2, VectorSimilarity.EUCLIDEAN), new float[][] {{1, 1}});
        assertThat(index.remove("nope")).isFalse();
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.deletedNodes()).isZero();
    }

    @Test
    void replacingAVectorMovesTheDocument() {
        float[][] data = TestVectors.uniform(78, 2_000, DIMENSIONS);
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.COSINE), data);
        index.put("v5", data[1_000]);
        assertThat(index.size()).isEqualTo(2_000);
        assertThat(index.search(data[5], 1).get(0).id()).isNotEqualTo("v5");
        assertThat(index.search(data[1_000], 2)).extracting(VectorMatch::id).containsExactlyInAnyOrder("v5", "v1000");
    }

    @Test
    void deletedNodesArePurgedOnceTheyPassTheThreshold() {
        float[][] data = TestVectors.uniform(79, 2_000, DIMENSIONS);
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.EUCLIDEAN), data);
        for (int i = 0; i < 1_500; i++) {
            index.remove("v" + i);
            assertThat(index.deletedNodes()).isLessThanOrEqualTo((int) (VectorIndex.PURGE_FRACTION * 2_000) + 1);
        }
        GraphInvariants.assertConsistentAfterPurge(index);
    }

    @Test
    void recallOnTheSurvivorsStaysAbove90PercentAfterDeletingSixtyPercent() {
        long seed = 80;
        System.out.println("VectorIndexDeleteTest recall seed " + seed);
        float[][] data = TestVectors.uniform(seed, 6_000, DIMENSIONS);
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.EUCLIDEAN), data);
        for (int i = 0; i < data.length; i++) {
            if (i % 5 < 3) {
                index.remove("v" + i);
            }
        }
        assertThat(VectorRecallTest.recallAt10(index, TestVectors.uniform(seed + 1, 100, DIMENSIONS), 100))
                .isGreaterThanOrEqualTo(0.90);
        GraphInvariants.assertConsistentAfterPurge(index);
    }

    @Test
    void anEmptiedIndexAcceptsNewVectorsAndReusesTheirSlots() {
        float[][] data = TestVectors.uniform(81, 1_500, DIMENSIONS);
        VectorIndex index = TestVectors.index(VectorIndexConfig.of(DIMENSIONS, VectorSimilarity.EUCLIDEAN), data);
        for (int i = 0; i < data.length; i++) {
            index.remove("v" + i);
        }
        index.purgeDeleted();
        assertThat(index.search(data[0], 3)).isEmpty();
        List<String> again = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            index.put("w" + i, data[i]);
            again.add("w" + i);
        }
        assertThat(index.graph().ordinalLimit()).isEqualTo(1_500);
        assertThat(index.search(data[7], 1, 100, null)).extracting(VectorMatch::id).containsExactly("w7");
        GraphInvariants.assertConsistentAfterPurge(index);
    }
}
