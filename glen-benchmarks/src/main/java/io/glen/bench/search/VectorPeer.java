package io.glen.bench.search;

/** One approximate nearest-neighbour implementation under test, over unit vectors numbered 0..n-1. */
interface VectorPeer {

    /** Builds the index over {@code vectors} on the calling thread (single-threaded, like Glen's one writer). */
    void build(float[][] vectors) throws Exception;

    /** The numbers of the {@code k} most similar vectors, best first, searching with a beam of {@code ef}. */
    int[] search(float[] query, int k, int ef) throws Exception;

    /** Creates the peer named {@code name}: glen, lucene, jvector or exact. */
    static VectorPeer named(String name, int m, int efConstruction) {
        return switch (name) {
            case "glen" -> new GlenVectorPeer(m, efConstruction);
            case "lucene" -> new LuceneVectorPeer(m, efConstruction);
            case "jvector" -> new JVectorPeer(m, efConstruction);
            case "exact" -> new ExactVectorPeer();
            default -> throw new IllegalArgumentException("unknown vector peer " + name);
        };
    }
}
