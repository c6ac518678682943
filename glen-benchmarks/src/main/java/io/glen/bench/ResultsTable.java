package io.glen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Prints the results of one run as a Markdown table: a row per workload, a column per store
 * (ops/s unless the row says otherwise), Glen's ratio to the best peer and to the
 * ConcurrentHashMap ceiling, then issue 14's targets with PASS/MISS.
 *
 * <p>Ratios are always "how many times better Glen is": Glen/peer for throughput, peer/Glen for
 * times and bytes, so above 1 means Glen wins. "Glen" in the ratios is the engine API ({@code glen});
 * peers are every store but Glen ({@code glen}, and {@code glen-repo}: Glen through its Spring Data
 * repository) and the ConcurrentHashMap ceiling. Spring Data KeyValue and the Glen repository only
 * appear in the query rows; the repository-level target compares those two.
 *
 * <p>Usage: {@code ResultsTable RESULT_DIR} (reads {@code jmh.json} and {@code heap-*.json} there).
 */
public final class ResultsTable {

    static final String[] COLUMNS = {"glen", "glen-repo", "mapdb", "mvstore", "nitrite", "chronicle", "springkv",
        "chm"};

    /** Whether a column is a peer of Glen (not Glen itself, in either form, and not the CHM ceiling). */
    static boolean isPeer(String store) {
        return !store.equals("glen") && !store.equals("glen-repo") && !store.equals("chm");
    }

    /** One row of the table. */
    record Row(String workload, String unit, boolean higherIsBetter, Map<String, Double> scores) {
        Double glen() {
            return scores.get("glen");
        }

        Double bestPeer() {
            Double best = null;
            for (Map.Entry<String, Double> e : scores.entrySet()) {
                if (!isPeer(e.getKey()) || e.getValue() == null || e.getValue().isNaN()) {
                    continue;
                }
                if (best == null || (higherIsBetter ? e.getValue() > best : e.getValue() < best)) {
                    best = e.getValue();
                }
            }
            return best;
        }

        String bestPeerName() {
            Double best = bestPeer();
            for (Map.Entry<String, Double> e : scores.entrySet()) {
                if (isPeer(e.getKey()) && e.getValue() != null && e.getValue().equals(best)) {
                    return e.getKey();
                }
            }
            return "-";
        }

        Double ratio(Double other) {
            Double glen = glen();
            if (glen == null || other == null || glen == 0 || other == 0) {
                return null;
            }
            return higherIsBetter ? glen / other : other / glen;
        }
    }

    private ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        List<Row> rows = new ArrayList<>();
        Double fsync = null;
        Path jmh = dir.resolve("jmh.json");
        if (Files.exists(jmh)) {
            fsync = readJmh(Files.readString(jmh), rows);
        }
        Map<String, Map<String, Object>> heap = readHeap(dir);
        addHeapRows(heap, rows);
        System.out.print(render(rows, fsync, heap));
    }

    @SuppressWarnings("unchecked")
    static Double readJmh(String json, List<Row> rows) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        Double fsync = null;
        for (Object o : (List<Object>) Json.parse(json)) {
            Map<String, Object> result = (Map<String, Object>) o;
            String benchmark = (String) result.get("benchmark");
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            Map<String, Object> params = (Map<String, Object>) result.getOrDefault("params", Map.of());
            Map<String, Object> metric = (Map<String, Object>) result.get("primaryMetric");
            Object rawScore = metric.get("score");
            double score = rawScore instanceof Double d ? d : Double.NaN;
            String unit = (String) metric.get("scoreUnit");
            if (shortName.equals("FsyncBaselineBench.writeAndForce")) {
                fsync = score;
                continue;
            }
            String label = label(shortName, params);
            boolean higherIsBetter = !"ss".equals(result.get("mode")) && !unit.contains("/op");
            Row row = byKey.computeIfAbsent(label, k -> new Row(k, unit, higherIsBetter, new LinkedHashMap<>()));
            row.scores().put((String) params.getOrDefault("store", "glen"), score);
        }
        List<Row> sorted = new ArrayList<>(byKey.values());
        sorted.sort(java.util.Comparator.comparingInt(r -> order(r.workload())));
        rows.addAll(sorted);
        return fsync;
    }

    private static final String[] ORDER = {"put: insert", "put: overwrite", "get by id", "getMany",
        "mixed 95/5 read/update, 1 ", "mixed 95/5 read/update, 2 ", "mixed 95/5 read/update, 8 ",
        "mixed 50/50 read/update, 1 ", "mixed 50/50 read/update, 2 ", "mixed 50/50 read/update, 8 ",
        "1-document", "sync=always put, 1 ", "sync=always put, 8 ", "sync=always put, 32 ", "indexed equality",
        "range query", "open/recover"};

    private static int order(String workload) {
        for (int i = 0; i < ORDER.length; i++) {
            if (workload.startsWith(ORDER[i])) {
                return i;
            }
        }
        return ORDER.length;
    }

    static String label(String benchmark, Map<String, Object> params) {
        Object docs = params.get("docs");
        return switch (benchmark) {
            case "PutInsertBench.insert" -> "put: insert (interval)";
            case "PutOverwriteBench.overwrite" -> "put: overwrite (interval)";
            case "GetBench.get" -> "get by id (hot)";
            case "GetBench.getMany" -> "getMany, batches of 100 (batches/s)";
            case "MixedBench.t1", "MixedBench.t2", "MixedBench.t8" -> {
                int read = Integer.parseInt(String.valueOf(params.get("readPercent")));
                yield "mixed " + read + "/" + (100 - read) + " read/update, "
                        + benchmark.substring(benchmark.indexOf(".t") + 2) + " thr";
            }
            case "TxnBench.commit" -> "1-document transaction commit";
            case "SyncAlwaysBench.t1", "SyncAlwaysBench.t8", "SyncAlwaysBench.t32" ->
                    "sync=always put, " + benchmark.substring(benchmark.indexOf(".t") + 2) + " thr";
            case "QueryBench.eq" -> "indexed equality query (~100 hits), " + count(docs) + " docs";
            case "QueryBench.range" -> "range query (~100 hits), " + count(docs) + " docs";
            case "RecoveryBench.open" -> "open/recover " + count(docs) + " docs (ms)";
            default -> benchmark + params;
        };
    }

    private static String count(Object docs) {
        if (docs == null) {
            return "?";
        }
        long n = Long.parseLong(String.valueOf(docs));
        return n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n % 1000 == 0 ? n / 1000 + "k" : String.valueOf(n);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> readHeap(Path dir) throws IOException {
        Map<String, Map<String, Object>> heap = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("heap-") && name.endsWith(".json")) {
                    Map<String, Object> m = (Map<String, Object>) Json.parse(Files.readString(file));
                    heap.put((String) m.get("store"), m);
                }
            }
        }
        return heap;
    }

    static void addHeapRows(Map<String, Map<String, Object>> heap, List<Row> rows) {
        if (heap.isEmpty()) {
            return;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Object docs = null;
        for (Map.Entry<String, Map<String, Object>> e : heap.entrySet()) {
            if (!e.getKey().equals("glen-nocache")) {
                scores.put(e.getKey(), (Double) e.getValue().get("heapBytesPerDoc"));
                docs = Math.round((Double) e.getValue().get("docs"));
            }
        }
        rows.add(new Row("heap bytes per document, " + count(docs) + " docs (B)", "B/doc", false, scores));
        Map<String, Object> nocache = heap.get("glen-nocache");
        if (nocache != null) {
            Map<String, Double> s2 = new LinkedHashMap<>(scores);
            s2.put("glen", (Double) nocache.get("heapBytesPerDoc"));
            rows.add(new Row("heap bytes per document, Glen value cache off (B)", "B/doc", false, s2));
        }
    }

    static String render(List<Row> rows, Double fsync, Map<String, Map<String, Object>> heap) {
        StringBuilder out = new StringBuilder();
        out.append("| workload |");
        for (String c : COLUMNS) {
            out.append(' ').append(c).append(" |");
        }
        out.append(" Glen vs best peer | Glen vs CHM |\n|---|");
        out.append("---:|".repeat(COLUMNS.length)).append("---:|---:|\n");
        for (Row row : rows) {
            out.append("| ").append(row.workload()).append(" |");
            for (String c : COLUMNS) {
                Double v = row.scores().get(c);
                out.append(' ').append(v == null ? "–" : number(v)).append(" |");
            }
            Double best = row.bestPeer();
            Double vsBest = row.ratio(best);
            Double vsChm = row.ratio(row.scores().get("chm"));
            out.append(' ').append(vsBest == null ? "–" : ratio(vsBest) + " (" + row.bestPeerName() + ")")
                    .append(" | ").append(vsChm == null ? "–" : ratio(vsChm)).append(" |\n");
        }
        out.append("\nRatios: how many times better Glen is (above 1 = Glen wins); throughput in ops/s unless the row"
                + " says otherwise.\n");
        if (fsync != null) {
            out.append(String.format(Locale.ROOT, "Raw disk baseline: write 200 B + fsync, 1 thread: %s ops/s.%n",
                    number(fsync)));
        }
        out.append("\nTargets (issue 14):\n");
        target(out, rows, "put: insert (interval)", "put insert vs best peer", 1.5, false);
        target(out, rows, "put: overwrite (interval)", "put overwrite vs best peer", 1.5, false);
        for (String mix : new String[] {"95/5", "50/50"}) {
            for (String threads : new String[] {"1", "2", "8"}) {
                target(out, rows, "mixed " + mix + " read/update, " + threads + " thr",
                        "mixed " + mix + ", " + threads + " thread(s) vs best peer", 1.5, false);
            }
        }
        Row txn = find(rows, "1-document transaction commit");
        if (txn != null && txn.glen() != null && txn.scores().get("mvstore") != null) {
            double r = txn.glen() / txn.scores().get("mvstore");
            out.append(String.format(Locale.ROOT, "- 1-document transaction vs MVStore's TransactionStore: %s, target 1.5x: %s%n",
                    ratio(r), r >= 1.5 ? "PASS" : "MISS"));
        }
        target(out, rows, "get by id (hot)", "get vs best peer", 2, false);
        target(out, rows, "get by id (hot)", "get vs ConcurrentHashMap", 0.5, true);
        target(out, rows, "getMany, batches of 100 (batches/s)", "getMany vs best peer", 1, false);
        for (Row row : rows) {
            boolean storePeer = row.scores().containsKey("mvstore") || row.scores().containsKey("mapdb")
                    || row.scores().containsKey("nitrite");
            if (storePeer && (row.workload().startsWith("indexed equality") || row.workload().startsWith("range query"))) {
                target(out, rows, row.workload(), row.workload() + " vs best peer", 1.5, false);
            }
        }
        for (Row row : rows) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("open/recover (\\d+)(k|M)? docs").matcher(row.workload());
            if (m.find() && row.glen() != null && row.glen() > 0) {
                double docs = Double.parseDouble(m.group(1)) * ("M".equals(m.group(2)) ? 1e6 : "k".equals(m.group(2)) ? 1e3 : 1);
                double perSecond = docs / (row.glen() / 1000);
                out.append(String.format(Locale.ROOT, "- recovery: %s documents/s, target 2M: %s%n", number(perSecond),
                        perSecond >= 2e6 ? "PASS" : "MISS"));
            }
        }
        Row t32 = find(rows, "sync=always put, 32 thr");
        if (t32 != null && fsync != null && t32.glen() != null) {
            out.append(String.format(Locale.ROOT, "- sync=always 32 threads: %s the single-thread fsync rate (report; no"
                    + " regression against the previous run is the target)%n", ratio(t32.glen() / fsync)));
        }
        Row eq = rows.stream().filter(r -> r.workload().startsWith("indexed equality")).findFirst().orElse(null);
        Double springKv = eq == null ? null : eq.scores().get("springkv");
        if (springKv != null && springKv > 0 && !springKv.isNaN()) {
            // Repository against repository: GlenRepository's derived query against Spring Data
            // KeyValue's, both returning mapped entities.
            Double repo = eq.scores().get("glen-repo");
            if (repo != null && !repo.isNaN()) {
                double r = repo / springKv;
                out.append(String.format(Locale.ROOT, "- indexed equality query, Glen repository vs Spring Data"
                        + " KeyValue map repository: %s, target 100x: %s%n", ratio(r), r >= 100 ? "PASS" : "MISS"));
            } else {
                out.append("- indexed equality query, Glen repository vs Spring Data KeyValue map repository:"
                        + " not measured (no glen-repo result)\n");
            }
            if (eq.glen() != null && !eq.glen().isNaN()) {
                out.append(String.format(Locale.ROOT, "  (Glen engine API vs the same repository: %s)%n",
                        ratio(eq.glen() / springKv)));
            }
        }
        for (String store : new String[] {"glen", "glen-nocache"}) {
            Map<String, Object> h = heap.get(store);
            if (h != null) {
                double perDoc = (Double) h.get("heapBytesPerDoc");
                double encoded = (Double) h.get("glenEncodedBytesPerDoc");
                out.append(String.format(Locale.ROOT,
                        "- heap per document (%s) %.0f B vs encoded %.0f B = %.2fx, target at most 2x: %s%n",
                        store.equals("glen") ? "value cache on" : "value cache off", perDoc, encoded,
                        perDoc / encoded, perDoc <= 2 * encoded ? "PASS" : "MISS"));
            }
        }
        return out.toString();
    }

    private static void target(StringBuilder out, List<Row> rows, String workload, String what, double goal,
                               boolean vsChm) {
        Row row = find(rows, workload);
        if (row == null) {
            return;
        }
        Double r = row.ratio(vsChm ? row.scores().get("chm") : row.bestPeer());
        if (r == null) {
            return;
        }
        out.append(String.format(Locale.ROOT, "- %s: %s, target %sx: %s%n", what, ratio(r),
                goal == Math.rint(goal) ? String.valueOf((long) goal) : String.valueOf(goal),
                r >= goal ? "PASS" : "MISS"));
    }

    private static Row find(List<Row> rows, String workload) {
        return rows.stream().filter(r -> r.workload().equals(workload)).findFirst().orElse(null);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (v >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.0fx", r) : String.format(Locale.ROOT, "%.2fx", r);
    }
}
