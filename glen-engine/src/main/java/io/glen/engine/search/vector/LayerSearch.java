package io.glen.engine.search.vector;

import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The two walks of HNSW over one layer: the greedy descent through the upper layers and the
 * best-first beam search (Malkov and Yashunin, algorithm 2) that inserts and queries run on the
 * layers where they collect neighbours. Stateless apart from the graph it reads, so any number of
 * threads may walk at once.
 */
final class LayerSearch {

    private final NodeTable nodes;
    private final VectorSimilarity similarity;

    LayerSearch(NodeTable nodes, VectorSimilarity similarity) {
        this.nodes = nodes;
        this.similarity = similarity;
    }

    float compare(float[] query, HnswNode node) {
        return similarity.compare(query, node.vector);
    }

    /**
     * Moves from {@code start} to ever more similar neighbours on {@code level} until none is better.
     *
     * @return the local best
     */
    HnswNode greedy(float[] query, HnswNode start, int level) {
        HnswNode current = start;
        float currentScore = compare(query, start);
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int n : current.links(level)) {
                HnswNode node = nodes.get(n);
                float s = compare(query, node);
                if (s > currentScore) {
                    current = node;
                    currentScore = s;
                    moved = true;
                }
            }
        }
        return current;
    }

    /**
     * Best-first search on {@code level} from {@code seeds}, keeping the {@code ef} best nodes that
     * {@code accept} admits. Nodes it does not admit (deleted ones, or ones a filter rejects) are still
     * walked through, so the graph stays navigable around them.
     *
     * @return a min-heap of up to {@code ef} admitted nodes, or {@code null} when more than
     *     {@code visitLimit} nodes were compared
     */
    @Nullable ScoredHeap search(float[] query, HnswNode[] seeds, int ef, int level, Predicate<HnswNode> accept,
                                int visitLimit) {
        VisitedNodes visited = new VisitedNodes(ef * 8);
        ScoredHeap candidates = ScoredHeap.max(ef * 2);
        ScoredHeap results = ScoredHeap.min(ef + 1);
        for (HnswNode seed : seeds) {
            if (visited.add(seed.ordinal)) {
                float s = compare(query, seed);
                candidates.push(seed, s);
                offer(results, seed, s, ef, accept);
            }
        }
        while (!candidates.isEmpty()) {
            if (results.size() >= ef && candidates.topScore() < results.topScore()) {
                break;
            }
            HnswNode current = candidates.pop();
            for (int n : current.links(level)) {
                if (!visited.add(n)) {
                    continue;
                }
                if (visited.size() > visitLimit) {
                    return null;
                }
                HnswNode node = nodes.get(n);
                float s = compare(query, node);
                if (results.size() < ef || s > results.topScore()) {
                    candidates.push(node, s);
                    offer(results, node, s, ef, accept);
                }
            }
        }
        return results;
    }

    private static void offer(ScoredHeap results, HnswNode node, float score, int ef, Predicate<HnswNode> accept) {
        if (accept.test(node)) {
            results.push(node, score);
            if (results.size() > ef) {
                results.pop();
            }
        }
    }

    /**
     * Picks up to {@code max} neighbours for {@code base} from candidates sorted best first: a
     * candidate is kept only if it is more similar to {@code base} than to every neighbour kept so
     * far (Malkov and Yashunin, algorithm 4). Spreading the links over directions rather than taking
     * the nearest cluster is what keeps clustered data navigable.
     */
    int[] selectDiverse(int[] candidates, float[] scores, int count, int max) {
        int[] selected = new int[Math.min(max, count)];
        int n = 0;
        for (int i = 0; i < count && n < selected.length; i++) {
            float[] candidate = nodes.get(candidates[i]).vector;
            boolean diverse = true;
            for (int j = 0; j < n; j++) {
                if (similarity.compare(candidate, nodes.get(selected[j]).vector) > scores[i]) {
                    diverse = false;
                    break;
                }
            }
            if (diverse) {
                selected[n++] = candidates[i];
            }
        }
        return n == selected.length ? selected : java.util.Arrays.copyOf(selected, n);
    }

    /**
     * Which of {@code count} candidates, sorted best first, a full list should drop after the one at
     * {@code added} joined it: the newcomer if a better neighbour already covers it (is more similar
     * to it than the base is), else the worst neighbour that the newcomer covers, else the worst.
     * The rest of the list was diverse when it was chosen, so only pairs with the newcomer need
     * checking: at most {@code count - 1} comparisons instead of the O(count²) of choosing anew.
     */
    int dropOnOverflow(int[] candidates, float[] scores, int count, int added) {
        float[] newcomer = nodes.get(candidates[added]).vector;
        for (int j = 0; j < added; j++) {
            if (similarity.compare(newcomer, nodes.get(candidates[j]).vector) > scores[added]) {
                return added;
            }
        }
        for (int i = count - 1; i > added; i--) {
            if (similarity.compare(nodes.get(candidates[i]).vector, newcomer) > scores[i]) {
                return i;
            }
        }
        return count - 1;
    }

    /** Sorts the first {@code count} parallel entries by score, best first (insertion sort: lists are short). */
    static void sortBestFirst(int[] ordinals, float[] scores, int count) {
        for (int i = 1; i < count; i++) {
            float s = scores[i];
            int o = ordinals[i];
            int j = i - 1;
            while (j >= 0 && scores[j] < s) {
                scores[j + 1] = scores[j];
                ordinals[j + 1] = ordinals[j];
                j--;
            }
            scores[j + 1] = s;
            ordinals[j + 1] = o;
        }
    }
}
