package io.glen.bench;

import io.glen.bench.store.BenchStore;
import io.glen.bench.store.Durability;
import io.glen.bench.store.GlenRepoStore;
import io.glen.bench.store.Stores;
import io.glen.engine.query.QueryPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that every store's benchmark operations do what the benchmarks assume, on a small data
 * set: loads, gets, batch gets, transactions, both queries (against the expected answer computed
 * from the generator; for the Glen repository also that its derived queries use their indexes),
 * reopen after close. run.sh runs it before measuring; any mismatch exits 1.
 *
 * <p>Usage: {@code SetupCheck [n] [store...]}
 */
public final class SetupCheck {

    private SetupCheck() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        List<String> stores = args.length > 1 ? List.of(args).subList(1, args.length) : List.of(Stores.ALL);
        int failures = 0;
        for (String name : stores) {
            try {
                check(name, n);
                System.out.println("ok   " + name);
            } catch (RuntimeException | AssertionError e) {
                failures++;
                System.out.println("FAIL " + name + ": " + e);
                e.printStackTrace(System.out);
            }
        }
        System.out.println((stores.size() - failures) + " passed, " + failures + " failed");
        if (failures > 0) {
            System.exit(1);
        }
    }

    private static void check(String name, int n) {
        Path dir = BenchDirs.create("check-" + name);
        boolean indexed = !name.equals("chronicle") && !name.equals("chm");
        // The repository stores are only measured in the query benchmark: no transactions.
        boolean transactional = !name.equals("springkv") && !name.equals("glen-repo");
        try {
            try (BenchStore s = Stores.open(name, dir, Durability.INTERVAL, n * 2L)) {
                if (indexed) {
                    s.createIndexes();
                }
                s.load(n);
                expect(s.size() == n, "size " + s.size() + " != " + n);
                for (long i = 0; i < n; i += 97) {
                    Object got = s.get(i, Keys.key(i));
                    expect(got != null, "get " + i + " is null");
                    expect(s.toDoc(got).equals(Doc.generate(i, n)), "get " + i + " returned " + s.toDoc(got));
                }
                expect(s.get(n + 5, Keys.key(n + 5)) == null, "absent key found");
                long[] ns = {3, n + 7, 1, 2};
                String[] keys = {Keys.key(3), Keys.key(n + 7), Keys.key(1), Keys.key(2)};
                List<?> many = s.getMany(ns, keys);
                expect(many.size() == 3, "getMany size " + many.size());
                expect(s.toDoc(many.get(0)).equals(Doc.generate(3, n)), "getMany order");
                if (indexed) {
                    checkQueries(s, n);
                }
                if (s instanceof GlenRepoStore repo) {
                    checkRepositoryPlans(repo);
                }
                if (!name.equals("springkv")) {
                    Doc fresh = Doc.generate(n + 1, n);
                    if (transactional) {
                        if (name.equals("mvstore")) {
                            // MVStore's transactions use their own map; the benchmark preloads it.
                            expect(s.txnUpdate(10, Keys.key(10), Doc.generate(10, n)), "txn preload");
                        }
                        expect(s.txnUpdate(10, Keys.key(10), fresh), "txn not committed");
                        if (!name.equals("mvstore")) {
                            expect(s.toDoc(s.get(10, Keys.key(10))).equals(fresh), "txn not applied");
                        }
                    }
                    s.put(11, Keys.key(11), fresh);
                    expect(s.toDoc(s.get(11, Keys.key(11))).equals(overwritten(name, fresh)), "overwrite not applied");
                }
            }
            if (!name.equals("chm") && !name.equals("springkv")) {
                try (BenchStore s = Stores.open(name, dir, Durability.INTERVAL, n * 2L)) {
                    expect(s.size() == n, "size after reopen " + s.size());
                    expect(s.toDoc(s.get(11, Keys.key(11))).equals(overwritten(name, Doc.generate(n + 1, n))),
                            "reopen lost a write");
                }
            }
        } finally {
            BenchDirs.delete(dir);
        }
    }

    private static void checkQueries(BenchStore s, int n) {
        long categories = Doc.categories(n);
        for (long c = 0; c < categories; c += Math.max(1, categories / 7)) {
            Set<String> expected = new HashSet<>();
            for (long i = c; i < n; i += categories) {
                expected.add(Keys.key(i));
            }
            expect(ids(s, s.findByCategory(Doc.category(c))).equals(expected), "category " + c);
        }
        for (long low = 0; low < n; low += n / 5) {
            Set<String> expected = new HashSet<>();
            for (long i = 0; i < n; i++) {
                long score = Doc.generate(i, n).score();
                if (score >= low && score < low + 100) {
                    expected.add(Keys.key(i));
                }
            }
            expect(ids(s, s.findScoreRange(low, low + 100)).equals(expected), "score range " + low);
        }
    }

    /**
     * What document 11 reads back as after {@code fresh} was put under its key: {@code fresh} itself,
     * except in the Glen repository, whose entity id is the document key (so the id is the key).
     */
    private static Doc overwritten(String name, Doc fresh) {
        if (!name.equals("glen-repo")) {
            return fresh;
        }
        return new Doc(Keys.key(11), fresh.name(), fresh.email(), fresh.city(), fresh.category(), fresh.age(),
                fresh.score(), fresh.balance(), fresh.active(), fresh.created());
    }

    /**
     * The Glen repository's derived queries must run on the entity's indexes, not scan: the plans
     * the engine chose for them, as {@code explain()} reports them.
     */
    private static void checkRepositoryPlans(GlenRepoStore s) {
        List<QueryPlan> plans = s.queryPlans(Doc.category(0), 0, 100);
        expect(plans.size() == 2, "expected 2 query plans, got " + plans);
        expect(plans.get(0).kind() == QueryPlan.Kind.INDEX_EQUALITY && "by_category".equals(plans.get(0).index()),
                "findByCategory plan: " + plans.get(0));
        expect(plans.get(1).kind() == QueryPlan.Kind.INDEX_RANGE && "by_score".equals(plans.get(1).index()),
                "findByScoreGreaterThanEqualAndScoreLessThan plan: " + plans.get(1));
    }

    private static Set<String> ids(BenchStore s, List<?> docs) {
        List<String> ids = new ArrayList<>();
        for (Object d : docs) {
            ids.add(s.toDoc(d).id());
        }
        Set<String> set = new HashSet<>(ids);
        expect(set.size() == ids.size(), "duplicate results");
        return set;
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
