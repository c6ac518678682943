package io.glen.bench;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.Txn;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The original Glen's own micro-benchmark workload ({@code tests/test_bench.nim} of the Nim
 * implementation, as SEED.md describes it: puts, gets, getMany and transaction commits), one
 * thread, default options (sync mode INTERVAL), one-field documents {@code {"v": i}}:
 * <ol>
 *   <li>{@code n} puts of new documents;</li>
 *   <li>close and reopen (recovery), then {@code n} gets, each document once, in order;</li>
 *   <li>{@code n / 100} getMany calls of 100 ids each;</li>
 *   <li>{@code n} single-document transactions: begin, get, put, commit.</li>
 * </ol>
 * Each phase is run {@code rounds} times on a fresh directory (the first round warms the JIT) and
 * the best and median rates are printed, as operations per second.
 *
 * <pre>java -cp glen-benchmarks.jar io.glen.bench.OriginalWorkload [n] [rounds]</pre>
 */
public final class OriginalWorkload {

    private OriginalWorkload() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "k" + i;
        }
        List<double[]> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            results.add(round(ids));
        }
        String[] phases = {"puts", "gets after reopen", "getMany (batches of 100, batches/s)", "txn commits"};
        for (int p = 0; p < phases.length; p++) {
            double[] rates = new double[rounds - 1];
            for (int r = 1; r < rounds; r++) {
                rates[r - 1] = results.get(r)[p];
            }
            java.util.Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "%-40s best %,12.0f/s  median %,12.0f/s  (rounds after the first: %s)%n",
                    phases[p], rates[rates.length - 1], rates[rates.length / 2], java.util.Arrays.toString(
                            java.util.Arrays.stream(rates).mapToLong(Math::round).toArray()));
        }
    }

    private static double[] round(String[] ids) {
        int n = ids.length;
        Path dir = BenchDirs.create("original");
        GlenOptions options = GlenOptions.builder().walSync(WalSyncMode.INTERVAL).build();
        double[] rates = new double[4];
        try {
            try (GlenDB db = GlenDB.open(dir, options)) {
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    db.put("bench", ids[i], Value.object().put("v", i).build());
                }
                rates[0] = n / seconds(start);
            }
            try (GlenDB db = GlenDB.open(dir, options)) {
                long start = System.nanoTime();
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += db.get("bench", ids[i]).get("v").asLong();
                }
                rates[1] = n / seconds(start);
                check(sum, n);
                start = System.nanoTime();
                int batches = n / 100;
                for (int b = 0; b < batches; b++) {
                    sum += db.getMany("bench", java.util.Arrays.asList(ids).subList(b * 100, b * 100 + 100)).size();
                }
                rates[2] = batches / seconds(start);
                start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    try (Txn txn = db.beginTxn()) {
                        long v = txn.get("bench", ids[i]).get("v").asLong();
                        txn.put("bench", ids[i], Value.object().put("v", v + 1).build());
                        if (!txn.commit().committed()) {
                            throw new IllegalStateException("a single-threaded transaction conflicted");
                        }
                    }
                }
                rates[3] = n / seconds(start);
            }
        } finally {
            BenchDirs.delete(dir);
        }
        return rates;
    }

    private static void check(long sum, int n) {
        if (sum != (long) n * (n - 1) / 2) {
            throw new IllegalStateException("gets returned wrong values");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
