package io.glen.engine.search.vector;

/**
 * The ordinals one search has visited: an open-addressing hash set of ints. A search visits a few
 * thousand nodes of a graph that may hold millions, so a per-search hash set is far smaller than a
 * bit set over every ordinal and needs no per-thread state that readers would have to share.
 */
final class VisitedNodes {

    private static final int EMPTY = -1;

    private int[] slots;
    private int size;

    VisitedNodes(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new int[capacity];
        java.util.Arrays.fill(slots, EMPTY);
    }

    int size() {
        return size;
    }

    /** Adds {@code ordinal}; false when it was already there. */
    boolean add(int ordinal) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(ordinal) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == ordinal) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = ordinal;
        size++;
        return true;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (int v : old) {
            if (v != EMPTY) {
                int i = mix(v) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
            }
        }
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
