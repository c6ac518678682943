package io.glen.engine.search.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass that takes the deleted nodes out of an {@link HnswGraph}: every live node that links to a
 * deleted one gets its list on that layer chosen again, diversely, from its live neighbours plus the
 * live neighbours of the deleted ones (the two-hop repair of hnswlib and JVector), so paths that ran
 * through a deleted node keep a way round it. A node left with no candidate at all is linked again
 * by a search, as if inserted. Then the entry point moves to a live node on the top layer if it was
 * deleted.
 *
 * <p>The pass costs one scan of every list plus a re-selection per damaged list, which is why
 * deletes only mark nodes and the index purges once deleted nodes pass a fraction of the graph
 * (the figures behind that fraction are in {@code glen-benchmarks/README.md}).
 */
final class DeletedNodePurge {

    private final HnswGraph graph;

    DeletedNodePurge(HnswGraph graph) {
        this.graph = graph;
    }

    /**
     * Repairs every list that names a deleted node and moves the entry point off a deleted node.
     *
     * @return the deleted nodes, now linked from no live node
     */
    List<HnswNode> run() {
        List<HnswNode> deleted = new ArrayList<>();
        HnswNode highest = null;
        int limit = graph.ordinalLimit();
        for (int ordinal = 0; ordinal < limit; ordinal++) {
            HnswNode node = graph.nodes.get(ordinal);
            if (node == graph.vacant) {
                continue;
            }
            if (node.deleted) {
                deleted.add(node);
                continue;
            }
            if (highest == null || node.level() > highest.level()) {
                highest = node;
            }
            for (int level = 0; level <= node.level(); level++) {
                int[] links = node.links(level);
                if (namesDeleted(links)) {
                    node.setLinks(level, repair(node, level, links));
                }
            }
        }
        HnswNode entry = graph.entry();
        if (entry == null || entry.deleted) {
            graph.setEntry(highest);
        }
        return deleted;
    }

    private boolean namesDeleted(int[] links) {
        for (int n : links) {
            if (graph.nodes.get(n).deleted) {
                return true;
            }
        }
        return false;
    }

    private int[] repair(HnswNode node, int level, int[] links) {
        VisitedNodes seen = new VisitedNodes(links.length * 4);
        seen.add(node.ordinal);
        int[] candidates = new int[links.length * 2];
        int count = 0;
        for (int n : links) {
            HnswNode neighbour = graph.nodes.get(n);
            if (!neighbour.deleted) {
                if (seen.add(n)) {
                    candidates = append(candidates, count++, n);
                }
                continue;
            }
            for (int twoHop : neighbour.links(level)) {
                if (!graph.nodes.get(twoHop).deleted && seen.add(twoHop)) {
                    candidates = append(candidates, count++, twoHop);
                }
            }
        }
        if (count == 0) {
            HnswNode entry = graph.entry();
            if (entry == null) {
                return new int[0];
            }
            return graph.findNeighbours(node.vector, level, entry, n -> !n.deleted && n != node)[level];
        }
        return graph.relink(node, candidates, count, graph.config.maxConnections(level));
    }

    private static int[] append(int[] array, int index, int value) {
        int[] target = index < array.length ? array : Arrays.copyOf(array, Math.max(8, array.length * 2));
        target[index] = value;
        return target;
    }
}
