package io.glen.engine.search.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

/** Structural checks of a quiescent graph, for tests that mutate it. */
final class GraphInvariants {

    private GraphInvariants() {
    }

    /**
     * After a purge: every live node's lists name distinct live nodes other than itself that reach
     * that layer, no list exceeds its capacity, the entry point is live and on the top layer, and
     * the live nodes are exactly the indexed ids.
     */
    static void assertConsistentAfterPurge(VectorIndex index) {
        index.purgeDeleted();
        HnswGraph graph = index.graph();
        Set<String> liveIds = new HashSet<>();
        int topLevel = -1;
        for (int ordinal = 0; ordinal < graph.ordinalLimit(); ordinal++) {
            HnswNode node = graph.nodes.get(ordinal);
            if (node.deleted) {
                continue;
            }
            assertThat(node.ordinal).isEqualTo(ordinal);
            assertThat(liveIds.add(node.id)).as("id %s is live once", node.id).isTrue();
            topLevel = Math.max(topLevel, node.level());
            for (int level = 0; level <= node.level(); level++) {
                int[] links = node.links(level);
                assertThat(links.length).isLessThanOrEqualTo(index.config().maxConnections(level));
                Set<Integer> distinct = new HashSet<>();
                for (int n : links) {
                    HnswNode neighbour = graph.nodes.get(n);
                    assertThat(n).isNotEqualTo(ordinal);
                    assertThat(distinct.add(n)).isTrue();
                    assertThat(neighbour.deleted).as("node %d links to deleted %d", ordinal, n).isFalse();
                    assertThat(neighbour.level()).isGreaterThanOrEqualTo(level);
                }
            }
        }
        assertThat(liveIds).hasSize(index.size());
        assertThat(index.deletedNodes()).isZero();
        HnswNode entry = graph.entry();
        if (liveIds.isEmpty()) {
            assertThat(entry).isNull();
        } else {
            assertThat(entry).isNotNull();
            assertThat(entry.deleted).isFalse();
            assertThat(entry.level()).isEqualTo(topLevel);
        }
    }
}
