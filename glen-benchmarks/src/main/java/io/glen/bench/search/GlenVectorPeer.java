package io.glen.bench.search;

import io.glen.engine.search.vector.VectorIndex;
import io.glen.engine.search.vector.VectorIndexConfig;
import io.glen.engine.search.vector.VectorMatch;
import io.glen.engine.search.vector.VectorSimilarity;
import java.util.List;

/** Glen's own HNSW ({@link VectorIndex}), ids "0".."n-1", cosine (it stores normalized copies). */
final class GlenVectorPeer implements VectorPeer {

    private final int m;
    private final int efConstruction;
    private VectorIndex index;

    GlenVectorPeer(int m, int efConstruction) {
        this.m = m;
        this.efConstruction = efConstruction;
    }

    @Override
    public void build(float[][] vectors) {
        index = new VectorIndex(VectorIndexConfig.of(vectors[0].length, VectorSimilarity.COSINE)
                .withGraph(m, efConstruction).withExactSearchBelow(0));
        for (int i = 0; i < vectors.length; i++) {
            index.put(Integer.toString(i), vectors[i]);
        }
    }

    @Override
    public int[] search(float[] query, int k, int ef) {
        return ordinals(index.search(query, k, ef, null));
    }

    VectorIndex index() {
        return index;
    }

    void use(VectorIndex index) {
        this.index = index;
    }

    static int[] ordinals(List<VectorMatch> matches) {
        int[] out = new int[matches.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(matches.get(i).id());
        }
        return out;
    }
}
