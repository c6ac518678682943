package io.glen.engine.search.vector;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An approximate k-nearest-neighbour index over fixed-dimension float vectors keyed by document id:
 * an HNSW graph (see {@link VectorIndexConfig} for its tuning) with exact search as a fallback.
 *
 * <p>Contract for the write path: {@link #put} and {@link #remove} (and {@link #purgeDeleted},
 * {@link VectorIndexCodec#write}) are called by one thread at a time, which the caller ensures (it
 * serializes writers per collection). Searches may run on any number of threads at any time
 * without locks; a search running during a write sees every document either as it was or as it
 * is, and never fails because of the write. While a document is being replaced a concurrent search
 * may miss it, but never returns it twice.
 *
 * <p>Deletes (and replacements, which delete the old vector) only mark the node: it keeps routing
 * searches and is never returned. Once marked nodes exceed {@link #PURGE_FRACTION} of the graph the
 * next write purges them, repairing the lists that named them, so recall does not decay under
 * churn.
 *
 * <p>Searches fall back to an exact scan when the index holds fewer than
 * {@link VectorIndexConfig#exactSearchBelow()} vectors, when asked ({@link #exactSearch}), and when
 * a filter is so selective that the graph search has compared {@link #EXACT_FALLBACK_FRACTION} of
 * all vectors without finding enough matches.
 */
public final class VectorIndex {

    /**
     * Deleted nodes tolerated before a purge, as a fraction of all nodes in the graph. Measured in
     * {@code glen-benchmarks} (VectorSearchBench, deletes, 100k × 384, two runs): tombstones cost no
     * recall up to half the graph (recall@10 0.9994 at ef 100), but queries slow down with the nodes
     * they walk through (12–33 % slower at a quarter, 40–61 % at half); a purge repairs nearly every
     * list once a tenth of the nodes are gone, so a pass costs about the same at any threshold and
     * its cost per delete falls as the threshold rises: deleting half the index took 1.8 ms per
     * delete purging at a tenth and 0.7 ms at a quarter, with the same recall afterwards (0.999,
     * as good as a rebuild of the survivors). A quarter bounds the slowdown at about a third.
     */
    public static final double PURGE_FRACTION = 0.25;

    /**
     * How much of the graph a filtered search may compare before it gives up and scans: a filter
     * test is much cheaper than comparing vectors, so once an eighth of the vectors has been
     * compared the exact scan costs about the same and is exact.
     */
    public static final double EXACT_FALLBACK_FRACTION = 0.125;

    private final VectorIndexConfig config;
    private final HnswGraph graph;
    private final ConcurrentHashMap<String, HnswNode> byId = new ConcurrentHashMap<>();

    /** An empty index. */
    public VectorIndex(VectorIndexConfig config) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.graph = new HnswGraph(config);
    }

    /** The configuration. */
    public VectorIndexConfig config() {
        return config;
    }

    /** The number of documents indexed. */
    public int size() {
        return byId.size();
    }

    /** Whether {@code id} is indexed. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /**
     * Indexes {@code vector} under {@code id}, replacing the id's previous vector (writer only). The
     * index keeps its own copy (normalized for {@link VectorSimilarity#COSINE}).
     *
     * @throws IllegalArgumentException if the vector does not have {@link VectorIndexConfig#dimensions()}
     *     finite components, or is zero under {@link VectorSimilarity#COSINE}; the index is then unchanged
     */
    public void put(String id, float[] vector) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(vector, "vector must not be null");
        float[] prepared = prepare(vector);
        HnswNode previous = byId.get(id);
        if (previous != null) {
            graph.markDeleted(previous);
        }
        byId.put(id, graph.insert(id, prepared));
        purgeIfDue();
    }

    /** Removes {@code id} (writer only); false when it was not indexed. */
    public boolean remove(String id) {
        Objects.requireNonNull(id, "id must not be null");
        HnswNode previous = byId.remove(id);
        if (previous == null) {
            return false;
        }
        graph.markDeleted(previous);
        purgeIfDue();
        return true;
    }

    /**
     * Unlinks every deleted node now rather than when they pass {@link #PURGE_FRACTION} (writer only),
     * e.g. before the graph is persisted.
     */
    public void purgeDeleted() {
        graph.purgeDeleted();
    }

    /** Nodes deleted but still linked in the graph (they route searches until the next purge). */
    public int deletedNodes() {
        return graph.deletedCount();
    }

    /** The {@code k} documents most similar to {@code query}, best first, with the configured {@code efSearch}. */
    public List<VectorMatch> search(float[] query, int k) {
        return search(query, k, config.efSearch(), null);
    }

    /**
     * The {@code k} documents most similar to {@code query} among those {@code filter} admits, best
     * first, approximately: the graph search keeps {@code ef} candidates (at least {@code k}); more
     * finds more of the true nearest neighbours and costs more.
     *
     * @param filter admits document ids (a pre-filter: the search keeps looking until it has
     *     {@code k} admitted ones); {@code null} admits all. Called from the searching thread.
     * @throws IllegalArgumentException if the query is not a valid vector for this index, or
     *     {@code k} or {@code ef} is below 1
     */
    public List<VectorMatch> search(float[] query, int k, int ef, @Nullable Predicate<String> filter) {
        float[] prepared = prepareQuery(query, k);
        if (ef < 1) {
            throw new IllegalArgumentException("ef must be at least 1, got " + ef);
        }
        if (byId.size() < config.exactSearchBelow()) {
            return ExactVectorSearch.search(byId.values(), config.similarity(), prepared, k, filter);
        }
        int visitLimit = filter == null ? Integer.MAX_VALUE
                : Math.max(Math.max(ef, k) * 4, (int) (graph.linkedCount() * EXACT_FALLBACK_FRACTION));
        List<VectorMatch> found = graph.search(prepared, k, ef, filter, visitLimit);
        return found != null ? found : ExactVectorSearch.search(byId.values(), config.similarity(), prepared, k, filter);
    }

    /**
     * The exactly {@code k} most similar documents among those {@code filter} admits ({@code null}:
     * all), best first, by comparing the query with every vector.
     *
     * @throws IllegalArgumentException if the query is not a valid vector for this index or {@code k} is below 1
     */
    public List<VectorMatch> exactSearch(float[] query, int k, @Nullable Predicate<String> filter) {
        return ExactVectorSearch.search(byId.values(), config.similarity(), prepareQuery(query, k), k, filter);
    }

    HnswGraph graph() {
        return graph;
    }

    /** Registers a node restored from a persisted graph (before the index is shared). */
    void restore(HnswNode node, boolean isEntry) {
        graph.restore(node, isEntry);
        byId.put(node.id, node);
    }

    private float[] prepareQuery(float[] query, int k) {
        Objects.requireNonNull(query, "query must not be null");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        return prepare(query);
    }

    private float[] prepare(float[] vector) {
        return config.similarity().prepare(VectorSimilarity.validate(vector, config.dimensions()));
    }

    private void purgeIfDue() {
        if (graph.deletedCount() > PURGE_FRACTION * graph.linkedCount()) {
            graph.purgeDeleted();
        }
    }
}
