package io.glen.engine.search.vector;

import java.util.Arrays;

/**
 * A binary heap of (score, node) pairs in two parallel arrays, without boxing the scores. It holds
 * the nodes themselves rather than their ordinals because a freed ordinal may name another node by
 * the time a reader pops it. A min-heap keeps
 * the worst score on top (the bounded result set of a search: the top is what an insert evicts); a
 * max-heap keeps the best on top (the candidates still to expand).
 */
final class ScoredHeap {

    private final boolean minHeap;
    private float[] scores;
    private HnswNode[] nodes;
    private int size;

    ScoredHeap(int initialCapacity, boolean minHeap) {
        this.minHeap = minHeap;
        this.scores = new float[Math.max(4, initialCapacity)];
        this.nodes = new HnswNode[scores.length];
    }

    /** A heap whose top is the lowest score. */
    static ScoredHeap min(int initialCapacity) {
        return new ScoredHeap(initialCapacity, true);
    }

    /** A heap whose top is the highest score. */
    static ScoredHeap max(int initialCapacity) {
        return new ScoredHeap(initialCapacity, false);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    float topScore() {
        return scores[0];
    }

    HnswNode topNode() {
        return nodes[0];
    }

    void push(HnswNode node, float score) {
        if (size == scores.length) {
            scores = Arrays.copyOf(scores, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!above(score, scores[parent])) {
                break;
            }
            scores[i] = scores[parent];
            nodes[i] = nodes[parent];
            i = parent;
        }
        scores[i] = score;
        nodes[i] = node;
    }

    /** Removes the top and returns its node. */
    HnswNode pop() {
        HnswNode top = nodes[0];
        size--;
        if (size > 0) {
            float score = scores[size];
            HnswNode node = nodes[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && above(scores[child + 1], scores[child])) {
                    child++;
                }
                if (!above(scores[child], score)) {
                    break;
                }
                scores[i] = scores[child];
                nodes[i] = nodes[child];
                i = child;
            }
            scores[i] = score;
            nodes[i] = node;
        }
        return top;
    }

    /** Whether {@code a} belongs nearer the top than {@code b}. */
    private boolean above(float a, float b) {
        return minHeap ? a < b : a > b;
    }

    /** The nodes in the heap, best score first, with their scores written to {@code scoresOut}. */
    HnswNode[] drainBestFirst(float[] scoresOut) {
        int n = size;
        HnswNode[] out = new HnswNode[n];
        if (minHeap) {
            for (int i = n - 1; i >= 0; i--) {
                scoresOut[i] = scores[0];
                out[i] = pop();
            }
        } else {
            for (int i = 0; i < n; i++) {
                scoresOut[i] = scores[0];
                out[i] = pop();
            }
        }
        return out;
    }
}
