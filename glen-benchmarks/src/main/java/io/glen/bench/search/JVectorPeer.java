package io.glen.bench.search;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * JVector 3.0 (DiskANN-style single-layer graph) on the heap with exact scores: maximum degree
 * {@code 2m} (what HNSW keeps on its bottom layer), beam {@code efConstruction}, JVector's default
 * overflow 1.2 and alpha 1.2, built on one-thread pools so that it gets one core like the others;
 * a query keeps {@code ef} candidates ({@code rerankK}) and returns {@code k}.
 */
final class JVectorPeer implements VectorPeer {

    private static final VectorTypeSupport TYPES = VectorizationProvider.getInstance().getVectorTypeSupport();

    private final int m;
    private final int efConstruction;
    private ListRandomAccessVectorValues values;
    private OnHeapGraphIndex graph;
    private GraphSearcher searcher;

    JVectorPeer(int m, int efConstruction) {
        this.m = m;
        this.efConstruction = efConstruction;
    }

    @Override
    public void build(float[][] vectors) throws Exception {
        List<VectorFloat<?>> list = new ArrayList<>(vectors.length);
        for (float[] v : vectors) {
            list.add(TYPES.createFloatVector(v));
        }
        values = new ListRandomAccessVectorValues(list, vectors[0].length);
        ForkJoinPool one = new ForkJoinPool(1);
        try (GraphIndexBuilder builder = new GraphIndexBuilder(
                BuildScoreProvider.randomAccessScoreProvider(values, VectorSimilarityFunction.DOT_PRODUCT),
                vectors[0].length, 2 * m, efConstruction, 1.2f, 1.2f, one, one)) {
            graph = builder.build(values);
        } finally {
            one.shutdown();
        }
        searcher = new GraphSearcher(graph);
    }

    @Override
    public int[] search(float[] query, int k, int ef) {
        SearchScoreProvider scores = SearchScoreProvider.exact(TYPES.createFloatVector(query),
                VectorSimilarityFunction.DOT_PRODUCT, values);
        SearchResult.NodeScore[] nodes = searcher.search(scores, k, Math.max(k, ef), 0f, 0f, Bits.ALL).getNodes();
        int[] out = new int[nodes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = nodes[i].node;
        }
        return out;
    }
}
