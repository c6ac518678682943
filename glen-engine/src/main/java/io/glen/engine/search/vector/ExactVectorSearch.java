package io.glen.engine.search.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The k best of a set of nodes by comparing the query with every one: exact, and linear in the
 * number of nodes. The filter is tested before the comparison, so a selective filter makes the scan
 * cost little more than the filter itself.
 */
final class ExactVectorSearch {

    private ExactVectorSearch() {
    }

    static List<VectorMatch> search(Iterable<HnswNode> nodes, VectorSimilarity similarity, float[] query, int k,
                                    @Nullable Predicate<String> filter) {
        ScoredHeap best = ScoredHeap.min(k + 1);
        for (HnswNode node : nodes) {
            if (node.deleted || (filter != null && !filter.test(node.id))) {
                continue;
            }
            float score = similarity.compare(query, node.vector);
            if (best.size() < k || score > best.topScore()) {
                best.push(node, score);
                if (best.size() > k) {
                    best.pop();
                }
            }
        }
        float[] scores = new float[best.size()];
        HnswNode[] ordered = best.drainBestFirst(scores);
        List<VectorMatch> matches = new ArrayList<>(ordered.length);
        for (int i = 0; i < ordered.length; i++) {
            matches.add(new VectorMatch(ordered[i].id, similarity.score(scores[i])));
        }
        return matches;
    }
}
