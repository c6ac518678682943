package io.glen.engine.search.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The HNSW graph (Malkov and Yashunin, 2016): every node lives on layer 0 and, with geometrically
 * falling probability, on the layers above; a query descends greedily from the entry point through
 * the sparse upper layers and searches the dense bottom layer best first.
 *
 * <p>Writes (insert, delete, purge) come from one thread at a time; searches from any thread at
 * any time. Deleting only marks the node: it keeps routing searches but is never returned, and new
 * nodes do not link to it. {@link #purgeDeleted()} later unlinks the marked nodes in one pass,
 * reconnecting each of their neighbours (see {@link DeletedNodePurge}), and frees their ordinals.
 */
final class HnswGraph {

    /** Levels are drawn from a geometric distribution; capping them bounds a pathological draw. */
    private static final int MAX_LEVEL = 24;

    final VectorIndexConfig config;
    final NodeTable nodes = new NodeTable();
    final LayerSearch layers;
    /** Stands in for a freed ordinal, so that a reader holding the ordinal from an old list finds a dead end. */
    final HnswNode vacant;
    private final double levelMultiplier;
    private final SplittableRandom random;
    /**
     * A node on the top layer. Held as the node rather than its ordinal so that a reader that read it
     * just before a purge moved it still starts from that node's intact lists.
     */
    private volatile @Nullable HnswNode entry;
    /** Ordinals handed out so far, including freed ones (writer only; readers never need it). */
    private int ordinalLimit;
    private int[] freeOrdinals = new int[0];
    private int freeCount;
    /** Nodes in the graph, deleted ones included: what a search may have to walk through. */
    private volatile int linkedCount;
    private int deletedCount;

    HnswGraph(VectorIndexConfig config) {
        this.config = config;
        this.layers = new LayerSearch(nodes, config.similarity());
        this.levelMultiplier = 1.0 / Math.log(config.m());
        this.random = new SplittableRandom(config.seed());
        this.vacant = new HnswNode(-1, "", new float[config.dimensions()], 0);
        vacant.deleted = true;
    }

    int linkedCount() {
        return linkedCount;
    }

    int deletedCount() {
        return deletedCount;
    }

    @Nullable HnswNode entry() {
        return entry;
    }

    int ordinalLimit() {
        return ordinalLimit;
    }

    // ---------------------------------------------------------------- writes

    /** Adds a node for {@code id} with an already prepared vector and links it in (writer only). */
    HnswNode insert(String id, float[] vector) {
        HnswNode node = new HnswNode(takeOrdinal(), id, vector, randomLevel());
        HnswNode top = entry;
        if (top == null) {
            nodes.set(node.ordinal, node);
            linkedCount++;
            entry = node;
            return node;
        }
        int[][] chosen = findNeighbours(vector, Math.min(node.level(), top.level()), top, n -> !n.deleted);
        // The node is unreachable until a neighbour links to it, so its own lists can be set first.
        nodes.set(node.ordinal, node);
        for (int level = 0; level < chosen.length; level++) {
            node.setLinks(level, chosen[level]);
        }
        for (int level = 0; level < chosen.length; level++) {
            for (int neighbour : chosen[level]) {
                addLink(nodes.get(neighbour), level, node);
            }
        }
        linkedCount++;
        if (node.level() > top.level()) {
            entry = node;
        }
        return node;
    }

    /**
     * The diverse neighbours of {@code vector} on each layer from {@code topLevel} down to 0, among
     * the nodes {@code accept} admits.
     */
    int[][] findNeighbours(float[] vector, int topLevel, HnswNode from, Predicate<HnswNode> accept) {
        HnswNode current = from;
        for (int level = from.level(); level > topLevel; level--) {
            current = layers.greedy(vector, current, level);
        }
        int[][] chosen = new int[topLevel + 1][];
        HnswNode[] seeds = {current};
        for (int level = topLevel; level >= 0; level--) {
            ScoredHeap found = layers.search(vector, seeds, config.efConstruction(), level, accept, Integer.MAX_VALUE);
            int count = found.size();
            float[] scores = new float[count];
            HnswNode[] best = found.drainBestFirst(scores);
            int[] ordinals = new int[count];
            for (int i = 0; i < count; i++) {
                ordinals[i] = best[i].ordinal;
            }
            chosen[level] = layers.selectDiverse(ordinals, scores, count, config.maxConnections(level));
            if (count > 0) {
                seeds = best;
            }
        }
        return chosen;
    }

    /**
     * Adds {@code added} to {@code node}'s list on {@code level}; a full list then drops one
     * neighbour ({@link LayerSearch#dropOnOverflow}). Re-selecting the whole list diversely, as
     * hnswlib does, cost O(m²) comparisons per overflow: more than the insert's own search, and in
     * our measurements it also thinned the lists, costing recall on clustered data.
     */
    private void addLink(HnswNode node, int level, HnswNode added) {
        int[] links = node.links(level);
        int max = config.maxConnections(level);
        int[] candidates = Arrays.copyOf(links, links.length + 1);
        candidates[links.length] = added.ordinal;
        if (links.length < max) {
            node.setLinks(level, candidates);
            return;
        }
        int count = candidates.length;
        float[] scores = new float[count];
        for (int i = 0; i < count; i++) {
            scores[i] = layers.compare(node.vector, nodes.get(candidates[i]));
        }
        LayerSearch.sortBestFirst(candidates, scores, count);
        int drop = layers.dropOnOverflow(candidates, scores, count, indexOf(candidates, added.ordinal));
        int[] kept = new int[count - 1];
        System.arraycopy(candidates, 0, kept, 0, drop);
        System.arraycopy(candidates, drop + 1, kept, drop, count - 1 - drop);
        node.setLinks(level, kept);
    }

    private static int indexOf(int[] array, int value) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("ordinal " + value + " is not among the candidates");
    }

    /** The diverse choice among {@code count} candidate ordinals as neighbours of {@code node}. */
    int[] relink(HnswNode node, int[] candidates, int count, int max) {
        float[] scores = new float[count];
        for (int i = 0; i < count; i++) {
            scores[i] = layers.compare(node.vector, nodes.get(candidates[i]));
        }
        LayerSearch.sortBestFirst(candidates, scores, count);
        return layers.selectDiverse(candidates, scores, count, max);
    }

    /** Marks a node deleted (writer only): searches stop returning it at once; it keeps routing until the purge. */
    void markDeleted(HnswNode node) {
        node.deleted = true;
        deletedCount++;
    }

    /** Unlinks every deleted node, repairs their neighbours' lists and frees their ordinals (writer only). */
    void purgeDeleted() {
        if (deletedCount == 0) {
            return;
        }
        List<HnswNode> purged = new DeletedNodePurge(this).run();
        for (HnswNode node : purged) {
            nodes.set(node.ordinal, vacant);
            releaseOrdinal(node.ordinal);
        }
        linkedCount -= purged.size();
        deletedCount = 0;
    }

    /** Moves the entry point (writer only); the purge calls it before it frees the old one. */
    void setEntry(@Nullable HnswNode entry) {
        this.entry = entry;
    }

    /** Takes over a node restored from a persisted graph (writer only, before any search). */
    void restore(HnswNode node, boolean isEntry) {
        nodes.set(node.ordinal, node);
        ordinalLimit = Math.max(ordinalLimit, node.ordinal + 1);
        linkedCount++;
        if (isEntry) {
            entry = node;
        }
    }

    private int takeOrdinal() {
        return freeCount > 0 ? freeOrdinals[--freeCount] : ordinalLimit++;
    }

    private void releaseOrdinal(int ordinal) {
        if (freeCount == freeOrdinals.length) {
            freeOrdinals = Arrays.copyOf(freeOrdinals, Math.max(16, freeCount * 2));
        }
        freeOrdinals[freeCount++] = ordinal;
    }

    private int randomLevel() {
        double u = random.nextDouble();
        return Math.min(MAX_LEVEL, (int) (-Math.log(1.0 - u) * levelMultiplier));
    }

    // ---------------------------------------------------------------- reads

    /**
     * The {@code k} best live nodes that {@code filter} admits, best first, searching with a beam of
     * {@code ef}; {@code null} when the search compared more than {@code visitLimit} vectors (a
     * selective filter), where the caller's exact scan is cheaper.
     */
    @Nullable List<VectorMatch> search(float[] query, int k, int ef, @Nullable Predicate<String> filter, int visitLimit) {
        HnswNode top = entry;
        if (top == null) {
            return List.of();
        }
        HnswNode current = top;
        for (int level = top.level(); level > 0; level--) {
            current = layers.greedy(query, current, level);
        }
        Predicate<HnswNode> accept = filter == null ? n -> !n.deleted : n -> !n.deleted && filter.test(n.id);
        ScoredHeap found = layers.search(query, new HnswNode[] {current}, Math.max(ef, k), 0, accept, visitLimit);
        if (found == null) {
            return null;
        }
        float[] scores = new float[found.size()];
        HnswNode[] best = found.drainBestFirst(scores);
        List<VectorMatch> matches = new ArrayList<>(Math.min(k, best.length));
        // A search that overlaps a replacement may have admitted the old node just before the writer
        // marked it deleted and then the new one: keep the better of the two, so an id appears once.
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < best.length && matches.size() < k; i++) {
            if (ids.add(best[i].id)) {
                matches.add(new VectorMatch(best[i].id, config.similarity().score(scores[i])));
            }
        }
        return matches;
    }
}
