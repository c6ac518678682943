package io.glen.bench.search;

import io.glen.engine.search.vector.VectorIndex;
import io.glen.engine.search.vector.VectorIndexConfig;
import io.glen.engine.search.vector.VectorSimilarity;

/** Glen's exact scan ({@link VectorIndex#exactSearch}): the fallback, and what every approximate search is compared with. */
final class ExactVectorPeer implements VectorPeer {

    private VectorIndex index;

    @Override
    public void build(float[][] vectors) {
        // Exact search needs no graph: keep the graph search from ever running and skip its build cost.
        index = new VectorIndex(VectorIndexConfig.of(vectors[0].length, VectorSimilarity.COSINE)
                .withExactSearchBelow(Integer.MAX_VALUE).withGraph(2, 2));
        for (int i = 0; i < vectors.length; i++) {
            index.put(Integer.toString(i), vectors[i]);
        }
    }

    @Override
    public int[] search(float[] query, int k, int ef) {
        return GlenVectorPeer.ordinals(index.exactSearch(query, k, null));
    }
}
