package io.glen.engine.search.vector;

import java.util.Objects;

/**
 * The shape and tuning of a {@link VectorIndex}.
 *
 * <p>The HNSW parameters trade memory and build time for recall: {@code m} is how many neighbours a
 * node keeps on the upper layers (twice as many on the bottom layer), {@code efConstruction} how
 * many candidates an insert considers, {@code efSearch} the default number of candidates a query
 * keeps (raise it for recall, lower it for speed; a query may override it). The defaults (16, 100,
 * 100) are Lucene's and JVector's defaults and give recall@10 above 0.95 on the benchmark data; see
 * {@code glen-benchmarks/README.md}.
 *
 * @param dimensions the length every vector must have, at least 1
 * @param similarity how vectors are compared and scored
 * @param m neighbours per node on the upper layers, 2 to 512
 * @param efConstruction candidates considered per insert, at least {@code m}
 * @param efSearch default candidates kept per query, at least 1
 * @param exactSearchBelow below this many vectors every query is answered by an exact scan, which
 *     is then both cheaper and exact; 0 never does
 * @param seed seeds the random level of each node, so that building from the same inserts gives the
 *     same graph
 */
public record VectorIndexConfig(int dimensions, VectorSimilarity similarity, int m, int efConstruction, int efSearch,
                                int exactSearchBelow, long seed) {

    /** Default {@link #m()}. */
    public static final int DEFAULT_M = 16;
    /** Default {@link #efConstruction()}. */
    public static final int DEFAULT_EF_CONSTRUCTION = 100;
    /** Default {@link #efSearch()}. */
    public static final int DEFAULT_EF_SEARCH = 100;
    /** Default {@link #exactSearchBelow()}: an exact scan of 1,000 vectors costs about what a graph search does. */
    public static final int DEFAULT_EXACT_SEARCH_BELOW = 1_000;

    /** Validates every parameter. */
    public VectorIndexConfig {
        Objects.requireNonNull(similarity, "similarity must not be null");
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
        }
        if (m < 2 || m > 512) {
            throw new IllegalArgumentException("m must be between 2 and 512, got " + m);
        }
        if (efConstruction < m) {
            throw new IllegalArgumentException("efConstruction must be at least m (" + m + "), got " + efConstruction);
        }
        if (efSearch < 1) {
            throw new IllegalArgumentException("efSearch must be at least 1, got " + efSearch);
        }
        if (exactSearchBelow < 0) {
            throw new IllegalArgumentException("exactSearchBelow must not be negative, got " + exactSearchBelow);
        }
    }

    /** A configuration with the default tuning. */
    public static VectorIndexConfig of(int dimensions, VectorSimilarity similarity) {
        return new VectorIndexConfig(dimensions, similarity, DEFAULT_M, DEFAULT_EF_CONSTRUCTION, DEFAULT_EF_SEARCH,
                DEFAULT_EXACT_SEARCH_BELOW, 42L);
    }

    /** This configuration with other graph parameters. */
    public VectorIndexConfig withGraph(int m, int efConstruction) {
        return new VectorIndexConfig(dimensions, similarity, m, efConstruction, efSearch, exactSearchBelow, seed);
    }

    /** This configuration with another default {@link #efSearch()}. */
    public VectorIndexConfig withEfSearch(int efSearch) {
        return new VectorIndexConfig(dimensions, similarity, m, efConstruction, efSearch, exactSearchBelow, seed);
    }

    /** This configuration with another {@link #exactSearchBelow()}. */
    public VectorIndexConfig withExactSearchBelow(int exactSearchBelow) {
        return new VectorIndexConfig(dimensions, similarity, m, efConstruction, efSearch, exactSearchBelow, seed);
    }

    /** This configuration with another {@link #seed()}. */
    public VectorIndexConfig withSeed(long seed) {
        return new VectorIndexConfig(dimensions, similarity, m, efConstruction, efSearch, exactSearchBelow, seed);
    }

    /** Neighbours a node keeps on the bottom layer. */
    int maxConnections(int level) {
        return level == 0 ? 2 * m : m;
    }
}
