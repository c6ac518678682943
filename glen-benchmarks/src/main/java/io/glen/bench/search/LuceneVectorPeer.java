package io.glen.bench.search;

import java.util.Arrays;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Lucene's HNSW used directly, without an index writer: {@code HnswGraphBuilder} over the vectors
 * on the heap, {@code HnswGraphSearcher} for queries, {@code DOT_PRODUCT} on the unit vectors (what
 * Lucene recommends instead of {@code COSINE}). Lucene's beam width is its {@code k}, so a query asks
 * for {@code ef} results and keeps the first {@code k}. On Java 17 Lucene uses its scalar vector
 * code (its Panama code needs Java 21), like Glen.
 */
final class LuceneVectorPeer implements VectorPeer {

    private final int m;
    private final int efConstruction;
    private RandomAccessVectorValues.Floats values;
    private OnHeapHnswGraph graph;

    LuceneVectorPeer(int m, int efConstruction) {
        this.m = m;
        this.efConstruction = efConstruction;
    }

    @Override
    public void build(float[][] vectors) throws Exception {
        values = RandomAccessVectorValues.fromFloats(Arrays.asList(vectors), vectors[0].length);
        RandomVectorScorerSupplier scorers = DefaultFlatVectorScorer.INSTANCE
                .getRandomVectorScorerSupplier(VectorSimilarityFunction.DOT_PRODUCT, values);
        graph = HnswGraphBuilder.create(scorers, m, efConstruction, 42L).build(vectors.length);
    }

    @Override
    public int[] search(float[] query, int k, int ef) throws Exception {
        KnnCollector collector = HnswGraphSearcher.search(
                DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(VectorSimilarityFunction.DOT_PRODUCT, values, query),
                Math.max(k, ef), graph, null, Integer.MAX_VALUE);
        ScoreDoc[] docs = collector.topDocs().scoreDocs;
        int[] out = new int[Math.min(k, docs.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = docs[i].doc;
        }
        return out;
    }

}
