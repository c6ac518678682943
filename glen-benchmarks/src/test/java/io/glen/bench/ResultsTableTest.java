package io.glen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table formatter and its JSON reader (no benchmark runs here). */
class ResultsTableTest {

    private static String result(String benchmark, String mode, String store, double score, String unit) {
        return """
                {"jmhVersion":"1.37","benchmark":"io.glen.bench.jmh.%s","mode":"%s","threads":1,"forks":1,
                 "params":{"store":"%s","keys":"100"},
                 "primaryMetric":{"score":%s,"scoreError":"NaN","scoreConfidence":[1.0,2.0],"scoreUnit":"%s",
                   "rawData":[[1.5e3,2]]},
                 "secondaryMetrics":{}}""".formatted(benchmark, mode, store, score, unit);
    }

    @Test
    void parsesJmhJsonAndComputesRatiosSoThatAboveOneMeansGlenWins() {
        String json = "[" + String.join(",",
                result("GetBench.get", "thrpt", "glen", 300, "ops/s"),
                result("GetBench.get", "thrpt", "mvstore", 100, "ops/s"),
                result("GetBench.get", "thrpt", "mapdb", 50, "ops/s"),
                result("GetBench.get", "thrpt", "chm", 1200, "ops/s"),
                result("RecoveryBench.open", "ss", "glen", 20, "ms/op"),
                result("RecoveryBench.open", "ss", "mvstore", 10, "ms/op"))
                + ",{\"benchmark\":\"io.glen.bench.jmh.FsyncBaselineBench.writeAndForce\",\"mode\":\"thrpt\","
                + "\"primaryMetric\":{\"score\":1000.0,\"scoreUnit\":\"ops/s\"}}]";
        List<ResultsTable.Row> rows = new ArrayList<>();
        Double fsync = ResultsTable.readJmh(json, rows);

        assertThat(fsync).isEqualTo(1000.0);
        assertThat(rows).extracting(ResultsTable.Row::workload)
                .containsExactly("get by id (hot)", "open/recover ? docs (ms)");
        ResultsTable.Row get = rows.get(0);
        assertThat(get.bestPeerName()).isEqualTo("mvstore");
        assertThat(get.ratio(get.bestPeer())).isEqualTo(3.0);
        assertThat(get.ratio(get.scores().get("chm"))).isEqualTo(0.25);
        ResultsTable.Row open = rows.get(1);
        assertThat(open.higherIsBetter()).isFalse();
        assertThat(open.ratio(open.bestPeer())).isEqualTo(0.5);

        String table = ResultsTable.render(rows, fsync, Map.of());
        assertThat(table).contains("| workload | glen | glen-repo | mapdb | mvstore | nitrite | chronicle | springkv | chm |");
        assertThat(table).contains("| get by id (hot) | 300 | – | 50 | 100 | – | – | – | 1.2k | 3.00x (mvstore) | 0.25x |");
        assertThat(table).contains("- get vs best peer: 3.00x, target 2x: PASS");
        assertThat(table).contains("- get vs ConcurrentHashMap: 0.25x, target 0.5x: MISS");
    }

    @Test
    void recoveryTargetIsDocumentsPerSecondFromTheOpenTime() {
        String json = "[" + """
                {"benchmark":"io.glen.bench.jmh.RecoveryBench.open","mode":"ss","params":{"store":"glen","docs":"1000000"},
                 "primaryMetric":{"score":400.0,"scoreUnit":"ms/op"}}""" + "]";
        List<ResultsTable.Row> rows = new ArrayList<>();
        ResultsTable.readJmh(json, rows);

        assertThat(ResultsTable.render(rows, null, Map.of())).contains("- recovery: 2.50M documents/s, target 2M: PASS");
    }

    private static String query(String method, String store, double score) {
        return """
                {"jmhVersion":"1.37","benchmark":"io.glen.bench.jmh.QueryBench.%s","mode":"thrpt","threads":1,"forks":1,
                 "params":{"store":"%s","docs":"100000"},
                 "primaryMetric":{"score":%s,"scoreError":"NaN","scoreConfidence":[1.0,2.0],"scoreUnit":"ops/s",
                   "rawData":[[1.5e3,2]]},
                 "secondaryMetrics":{}}""".formatted(method, store, score);
    }

    @Test
    void queryTargetComparesTheGlenRepositoryWithTheSpringDataKeyValueRepository() {
        String json = "[" + String.join(",",
                query("eq", "glen", 4000),
                query("eq", "glen-repo", 3000),
                query("eq", "mvstore", 2000),
                query("eq", "springkv", 25),
                query("range", "glen", 2500),
                query("range", "glen-repo", 2600),
                query("range", "mvstore", 2000),
                query("range", "springkv", 20)) + "]";
        List<ResultsTable.Row> rows = new ArrayList<>();
        ResultsTable.readJmh(json, rows);

        assertThat(rows).extracting(ResultsTable.Row::workload).containsExactly(
                "indexed equality query (~100 hits), 100k docs", "range query (~100 hits), 100k docs");
        // The repository is Glen, not a peer: the best peer is MVStore even where the repository beats it.
        ResultsTable.Row range = rows.get(1);
        assertThat(range.bestPeerName()).isEqualTo("mvstore");
        assertThat(range.ratio(range.bestPeer())).isEqualTo(1.25);

        String table = ResultsTable.render(rows, null, Map.of());
        assertThat(table).contains(
                "| indexed equality query (~100 hits), 100k docs | 4.0k | 3.0k | – | 2.0k | – | – | 25 | – | 2.00x (mvstore) | – |");
        assertThat(table).contains(
                "- indexed equality query, Glen repository vs Spring Data KeyValue map repository: 120x, target 100x: PASS");
        assertThat(table).contains("  (Glen engine API vs the same repository: 160x)");

        List<ResultsTable.Row> slow = new ArrayList<>();
        ResultsTable.readJmh("[" + query("eq", "glen-repo", 1000) + "," + query("eq", "springkv", 25) + "]", slow);
        assertThat(ResultsTable.render(slow, null, Map.of())).contains(
                "- indexed equality query, Glen repository vs Spring Data KeyValue map repository: 40x, target 100x: MISS")
                .doesNotContain("Glen engine API vs");

        List<ResultsTable.Row> engineOnly = new ArrayList<>();
        ResultsTable.readJmh("[" + query("eq", "glen", 4000) + "," + query("eq", "springkv", 25) + "]", engineOnly);
        assertThat(ResultsTable.render(engineOnly, null, Map.of())).contains(
                "- indexed equality query, Glen repository vs Spring Data KeyValue map repository: not measured"
                        + " (no glen-repo result)")
                .contains("  (Glen engine API vs the same repository: 160x)")
                .doesNotContain("PASS").doesNotContain("MISS");
    }

    @Test
    void jsonReaderHandlesEscapesNestingAndLiterals() {
        Object parsed = Json.parse("{\"a\":[1,-2.5e3,true,false,null,\"x\\\"y\\u0041\"],\"b\":{}}");
        assertThat(parsed).isEqualTo(Map.of("a", java.util.Arrays.asList(1.0, -2500.0, true, false, null, "x\"yA"),
                "b", Map.of()));
    }
}
