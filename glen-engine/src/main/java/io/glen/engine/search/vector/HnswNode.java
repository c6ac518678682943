package io.glen.engine.search.vector;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One vector in the graph: its ordinal, document id, prepared vector and, per layer it reaches, its
 * neighbour list. Everything but the lists and the deleted flag is final; a list is an immutable
 * array that the writer replaces whole through a volatile write, which is what lets readers follow
 * links without locks and without ever seeing half an update.
 */
final class HnswNode {

    private static final int[] NO_LINKS = new int[0];

    final int ordinal;
    final String id;
    final float[] vector;
    private final AtomicReferenceArray<int[]> links;
    /** Set once by the writer when the document leaves the index; readers then skip the node. */
    volatile boolean deleted;

    HnswNode(int ordinal, String id, float[] vector, int level) {
        this.ordinal = ordinal;
        this.id = id;
        this.vector = vector;
        this.links = new AtomicReferenceArray<>(level + 1);
        for (int l = 0; l <= level; l++) {
            links.lazySet(l, NO_LINKS);
        }
    }

    /** The top layer this node reaches (0 for most). */
    int level() {
        return links.length() - 1;
    }

    /**
     * The neighbours on {@code level}; none when the node does not reach it. A reader can meet a node
     * on a layer it does not reach when it followed a list written before the node's ordinal was
     * reused, so this must not throw.
     */
    int[] links(int level) {
        return level < links.length() ? links.get(level) : NO_LINKS;
    }

    /** Replaces the neighbours on {@code level} (writer only); {@code neighbours} must not change afterwards. */
    void setLinks(int level, int[] neighbours) {
        links.set(level, neighbours);
    }
}
