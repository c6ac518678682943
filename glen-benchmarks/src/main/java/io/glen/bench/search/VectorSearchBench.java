package io.glen.bench.search;

import io.glen.bench.BenchDirs;
import io.glen.engine.search.vector.VectorIndex;
import io.glen.engine.search.vector.VectorIndexCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Vector search: recall@10 against exact search, queries per second, single-threaded build time
 * and heap bytes per vector of one peer (glen, lucene, jvector or exact) on seeded data, in a fresh
 * JVM per run (run.sh starts one per peer, size and distribution). Not JMH: a build takes minutes
 * and is measured once; queries are timed over the whole query set after a warm-up pass.
 *
 * <p>Usage: {@code VectorSearchBench peer=glen dist=uniform n=100000 dims=384 queries=500 m=16 efc=100
 * efs=10,20,50,100,200 out=results.jsonl [extra=persist,deletes]}; appends one JSON object per run.
 *
 * <p>Method: the true top 10 of each query is computed by brute force (cached under the bench data
 * directory); heap per vector is the used heap after full GCs with the index built and the input
 * arrays released unless the peer keeps them, minus the same before the data existed, divided by
 * n, so it counts the vectors as each peer holds them. {@code extra=persist} (glen) also writes the
 * graph with {@link VectorIndexCodec} and reads it back; {@code extra=deletes} (glen) measures recall
 * with deleted nodes left in the graph as tombstones (a filter rejecting them, which is what a
 * tombstone is to a search), after really deleting half with the purge, and after a fresh build of
 * the survivors.
 */
public final class VectorSearchBench {

    private static final int K = 10;
    private static final long DATA_SEED = 17L;
    private static final long QUERY_SEED = 18L;

    private VectorSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String peerName = a.getOrDefault("peer", "glen");
        String dist = a.getOrDefault("dist", "uniform");
        int n = Integer.parseInt(a.getOrDefault("n", "100000"));
        int dims = Integer.parseInt(a.getOrDefault("dims", "384"));
        int queryCount = Integer.parseInt(a.getOrDefault("queries", "500"));
        int m = Integer.parseInt(a.getOrDefault("m", "16"));
        int efc = Integer.parseInt(a.getOrDefault("efc", "100"));
        int[] efs = IntStream.of(parseInts(a.getOrDefault("efs", "10,20,50,100,200"))).toArray();
        Path out = Path.of(a.getOrDefault("out", "vector-results.jsonl"));
        List<String> extra = List.of(a.getOrDefault("extra", "").split(","));

        float[][] queries = VectorData.generate(dist, QUERY_SEED, queryCount, dims);
        int[][] truth = truth(dist, n, dims, queries);
        long before = usedAfterGc();
        float[][] data = VectorData.generate(dist, DATA_SEED, n, dims);
        VectorPeer peer = VectorPeer.named(peerName, m, efc);
        long start = System.nanoTime();
        peer.build(data);
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        data = null;
        long heapPerVector = (usedAfterGc() - before) / n;

        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT,
                "{\"peer\":\"%s\",\"dist\":\"%s\",\"n\":%d,\"dims\":%d,\"queries\":%d,\"m\":%d,\"efc\":%d,"
                        + "\"buildSeconds\":%.2f,\"heapBytesPerVector\":%d,\"results\":[",
                peerName, dist, n, dims, queryCount, m, efc, buildSeconds, heapPerVector));
        warmUp(peer, queries, efs[efs.length - 1]);
        for (int i = 0; i < efs.length; i++) {
            double[] r = measure(peer, queries, truth, efs[i]);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"ef\":%d,\"recall\":%.4f,\"qps\":%.1f}", efs[i], r[0], r[1]));
            if (peerName.equals("exact")) {
                break; // ef means nothing to an exact scan
            }
        }
        json.append("]");
        if (extra.contains("persist") && peer instanceof GlenVectorPeer glen) {
            json.append(persist(glen, queries, truth));
        }
        if (extra.contains("deletes") && peer instanceof GlenVectorPeer glen) {
            json.append(deletes(glen, n, dist, dims, queries, m, efc));
        }
        json.append("}");
        System.out.println(json);
        Files.writeString(out, json + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static int[] parseInts(String csv) {
        return java.util.Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static void warmUp(VectorPeer peer, float[][] queries, int ef) throws Exception {
        for (float[] q : queries) {
            peer.search(q, K, ef);
        }
    }

    /** {recall@10, queries per second} over every query at beam {@code ef}. */
    private static double[] measure(VectorPeer peer, float[][] queries, int[][] truth, int ef) throws Exception {
        int[][] found = new int[queries.length][];
        long start = System.nanoTime();
        for (int i = 0; i < queries.length; i++) {
            found[i] = peer.search(queries[i], K, ef);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {recall(found, truth), queries.length / seconds};
    }

    static double recall(int[][] found, int[][] truth) {
        long hits = 0;
        for (int i = 0; i < found.length; i++) {
            for (int f : found[i]) {
                for (int t : truth[i]) {
                    if (f == t) {
                        hits++;
                        break;
                    }
                }
            }
        }
        return hits / (double) (K * found.length);
    }

    /** The exact top 10 of every query (dot product of unit vectors), cached in the bench data directory. */
    private static int[][] truth(String dist, int n, int dims, float[][] queries) throws IOException {
        Path file = BenchDirs.root().resolve("truth-" + dist + "-" + n + "-" + dims + "-" + queries.length + ".bin");
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                int[][] truth = new int[queries.length][K];
                for (int[] row : truth) {
                    for (int j = 0; j < K; j++) {
                        row[j] = in.readInt();
                    }
                }
                return truth;
            }
        }
        float[][] data = VectorData.generate(dist, DATA_SEED, n, dims);
        int[][] truth = exactTop(data, queries, null);
        Files.createDirectories(file.getParent());
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (int[] row : truth) {
                for (int t : row) {
                    o.writeInt(t);
                }
            }
        }
        return truth;
    }

    /** Brute force top 10 by dot product among the vectors {@code live} admits (null: all), queries in parallel. */
    static int[][] exactTop(float[][] data, float[][] queries, boolean[] live) {
        int[][] truth = new int[queries.length][];
        IntStream.range(0, queries.length).parallel().forEach(qi -> {
            float[] q = queries[qi];
            int[] best = new int[K];
            float[] scores = new float[K];
            java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < data.length; i++) {
                if (live != null && !live[i]) {
                    continue;
                }
                float[] v = data[i];
                float s = 0;
                for (int d = 0; d < v.length; d++) {
                    s += q[d] * v[d];
                }
                if (s > scores[K - 1]) {
                    int j = K - 1;
                    while (j > 0 && scores[j - 1] < s) {
                        scores[j] = scores[j - 1];
                        best[j] = best[j - 1];
                        j--;
                    }
                    scores[j] = s;
                    best[j] = i;
                }
            }
            truth[qi] = best;
        });
        return truth;
    }

    private static String persist(GlenVectorPeer peer, float[][] queries, int[][] truth) throws Exception {
        Path dir = BenchDirs.create("vector-persist");
        try {
            Path file = dir.resolve("vectors.idx");
            long start = System.nanoTime();
            try (OutputStream o = Files.newOutputStream(file)) {
                VectorIndexCodec.write(peer.index(), o);
            }
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            peer.use(null);
            usedAfterGc();
            start = System.nanoTime();
            VectorIndex loaded;
            try (InputStream in = Files.newInputStream(file)) {
                loaded = VectorIndexCodec.read(in);
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            peer.use(loaded);
            double[] r = measure(peer, queries, truth, 100);
            return String.format(Locale.ROOT,
                    ",\"persist\":{\"writeSeconds\":%.2f,\"loadSeconds\":%.2f,\"fileBytes\":%d,\"recallAfterLoadEf100\":%.4f}",
                    writeSeconds, loadSeconds, Files.size(file), r[0]);
        } finally {
            BenchDirs.delete(dir);
        }
    }

    private static String deletes(GlenVectorPeer peer, int n, String dist, int dims, float[][] queries, int m, int efc)
            throws Exception {
        float[][] data = VectorData.generate(dist, DATA_SEED, n, dims);
        List<String> parts = new ArrayList<>();
        for (int percent : new int[] {10, 25, 50}) {
            boolean[] live = survivors(n, percent);
            Predicate<String> notDeleted = id -> live[Integer.parseInt(id)];
            int[][] truth = exactTop(data, queries, live);
            double[] r = measureFiltered(peer.index(), queries, truth, notDeleted);
            parts.add(String.format(Locale.ROOT, "{\"variant\":\"tombstones\",\"deletedPercent\":%d,\"recall\":%.4f,\"qps\":%.1f}",
                    percent, r[0], r[1]));
        }
        boolean[] live = survivors(n, 50);
        int[][] truth = exactTop(data, queries, live);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (!live[i]) {
                peer.index().remove(Integer.toString(i));
            }
        }
        double deleteSeconds = (System.nanoTime() - start) / 1e9;
        double[] r = measure(peer, queries, truth, 100);
        parts.add(String.format(Locale.ROOT,
                "{\"variant\":\"purged\",\"deletedPercent\":50,\"recall\":%.4f,\"qps\":%.1f,\"deleteSeconds\":%.2f}",
                r[0], r[1], deleteSeconds));
        GlenVectorPeer fresh = new GlenVectorPeer(m, efc);
        float[][] survivors = new float[n / 2][];
        int[] original = new int[n / 2];
        int s = 0;
        for (int i = 0; i < n && s < survivors.length; i++) {
            if (live[i]) {
                original[s] = i;
                survivors[s++] = data[i];
            }
        }
        fresh.build(survivors);
        int[][] found = new int[queries.length][];
        start = System.nanoTime();
        for (int i = 0; i < queries.length; i++) {
            int[] local = fresh.search(queries[i], K, 100);
            for (int j = 0; j < local.length; j++) {
                local[j] = original[local[j]];
            }
            found[i] = local;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        parts.add(String.format(Locale.ROOT, "{\"variant\":\"rebuilt\",\"deletedPercent\":50,\"recall\":%.4f,\"qps\":%.1f}",
                recall(found, truth), queries.length / seconds));
        return ",\"deletes\":[" + String.join(",", parts) + "]";
    }

    /** Every vector but {@code percent} % of them, spread evenly. */
    private static boolean[] survivors(int n, int percent) {
        boolean[] live = new boolean[n];
        for (int i = 0; i < n; i++) {
            live[i] = (i * 37L % 100) >= percent;
        }
        return live;
    }

    private static double[] measureFiltered(VectorIndex index, float[][] queries, int[][] truth, Predicate<String> filter) {
        int[][] found = new int[queries.length][];
        long start = System.nanoTime();
        for (int i = 0; i < queries.length; i++) {
            found[i] = GlenVectorPeer.ordinals(index.search(queries[i], K, 100, filter));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {recall(found, truth), queries.length / seconds};
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
