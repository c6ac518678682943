package io.glen.engine.search.vector;

import java.util.Arrays;

/**
 * Ordinal to node, in pages of 4,096, so that growing never copies the nodes, only the small page
 * directory. The writer stores a node before it publishes any link to its ordinal through a
 * volatile write; a reader reaches an ordinal only through such a link (or the volatile entry
 * point), so the store is visible to it even though the slot itself is a plain array element.
 */
final class NodeTable {

    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    private volatile HnswNode[][] pages = new HnswNode[0][];

    /** The node at {@code ordinal}, which a link or the entry point named. */
    HnswNode get(int ordinal) {
        return pages[ordinal >>> PAGE_BITS][ordinal & PAGE_MASK];
    }

    /** Stores a node at {@code ordinal} (writer only), adding a page when needed. */
    void set(int ordinal, HnswNode node) {
        int page = ordinal >>> PAGE_BITS;
        HnswNode[][] current = pages;
        if (page >= current.length) {
            HnswNode[][] grown = Arrays.copyOf(current, Math.max(page + 1, current.length * 2));
            for (int p = current.length; p < grown.length; p++) {
                grown[p] = new HnswNode[PAGE_SIZE];
            }
            current = grown;
            pages = grown;
        }
        current[page][ordinal & PAGE_MASK] = node;
    }
}
