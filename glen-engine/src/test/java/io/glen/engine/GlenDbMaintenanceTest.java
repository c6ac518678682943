package io.glen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stats, snapshots, compaction and online backup. */
class GlenDbMaintenanceTest {

    @TempDir
    Path dir;

    @TempDir
    Path backups;

    private static Map<String, Map<String, Value>> contents(GlenDB db) {
        Map<String, Map<String, Value>> all = new TreeMap<>();
        for (String c : db.collections()) {
            all.put(c, db.getAll(c));
        }
        return all;
    }

    private static long walFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("glen.wal.")).count();
        }
    }

    // ------------------------------------------------------------------ stats

    @Test
    void statsCountDocumentsPerCollection() {
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("users", "a", Value.of(1));
            db.put("users", "b", Value.of(2));
            db.put("orders", "x", Value.of(3));
            db.delete("orders", "x");

            assertThat(db.stats().documentCounts()).containsExactly(Map.entry("orders", 0L), Map.entry("users", 2L));
        }
    }

    @Test
    void statsCountPutsDeletesBatchesAndTheLsn() {
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("c", "a", Value.of(1));
            db.put("c", "a", Value.of(2));
            db.putMany("c", Map.of("b", Value.of(1), "d", Value.of(2)));
            db.delete("c", "a");
            db.delete("c", "a");
            db.deleteMany("c", List.of("b", "d", "zz"));

            GlenStats stats = db.stats();
            assertThat(stats.puts()).isEqualTo(4);
            assertThat(stats.deletes()).isEqualTo(3);
            assertThat(stats.batches()).isEqualTo(5);
            assertThat(stats.lsn()).isEqualTo(5);
        }
    }

    @Test
    void statsReportTheWalSizeAndSegments() {
        try (GlenDB db = GlenDB.open(dir)) {
            long empty = db.stats().walBytes();
            db.put("c", "a", Value.of("some bytes"));

            GlenStats stats = db.stats();
            assertThat(stats.walBytes()).isGreaterThan(empty).isEqualTo(db.admin().walTotalSize());
            assertThat(stats.walSegments()).isEqualTo(1);
        }
    }

    @Test
    void statsReportTheLastSnapshotAndCompaction() {
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("c", "a", Value.of(1));
            assertThat(db.stats().lastSnapshotAt()).isNull();
            assertThat(db.stats().lastSnapshotLsn()).isZero();
            assertThat(db.stats().lastCompactionAt()).isNull();
            assertThat(db.stats().lastCompactionDuration()).isNull();
            Instant before = Instant.now();

            long covered = db.admin().snapshotAll();

            assertThat(covered).isEqualTo(1);
            assertThat(db.stats().lastSnapshotLsn()).isEqualTo(1);
            assertThat(db.stats().lastSnapshotAt()).isAfterOrEqualTo(before);
            assertThat(db.stats().lastCompactionAt()).as("a snapshot is not a compaction").isNull();

            db.put("c", "b", Value.of(2));
            long compacted = db.admin().compact();

            assertThat(compacted).isEqualTo(2);
            assertThat(db.stats().lastSnapshotLsn()).isEqualTo(2);
            assertThat(db.stats().lastCompactionAt()).isAfterOrEqualTo(before);
            assertThat(db.stats().lastCompactionDuration()).isNotNull().isGreaterThanOrEqualTo(java.time.Duration.ZERO);
        }
    }

    @Test
    void statsNeverContainDocumentIdsOrValues() {
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("users", "secret-id-7f3a", Value.object().put("password", "hunter2-value-9c1e").build());
            db.putMany("users", Map.of("other-id-b2d4", Value.of("plain-value-e5f6")));
            db.delete("users", "other-id-b2d4");
            db.get("users", "secret-id-7f3a");
            db.admin().compact();

            String text = db.stats().toString() + db.admin().cacheStats();

            assertThat(text).contains("users")
                    .doesNotContain("secret-id-7f3a", "hunter2-value-9c1e", "password", "other-id-b2d4",
                            "plain-value-e5f6")
                    .doesNotContain(dir.toString());
        }
    }

    // ------------------------------------------------------------------ snapshots and compaction

    @Test
    void snapshotAllKeepsTheDataAcrossReopen() {
        Map<String, Map<String, Value>> expected;
        try (GlenDB db = GlenDB.open(dir)) {
            for (int i = 0; i < 30; i++) {
                db.put(i % 2 == 0 ? "a" : "b", "d" + i, Value.of(i));
            }
            db.admin().snapshotAll();
            db.put("a", "after", Value.of("snapshot"));
            db.delete("b", "d1");
            expected = contents(db);
        }

        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(contents(db)).isEqualTo(expected);
        }
    }

    private static GlenOptions smallSegments() {
        return GlenOptions.builder().walSegmentBytes(4096).build();
    }

    private static void fill(GlenDB db, int documents) {
        for (int i = 0; i < documents; i++) {
            db.put("items", "d" + (i % 50), Value.object().put("i", i).put("pad", "p".repeat(100)).build());
        }
    }

    @Test
    void compactDeletesTheCoveredWalSegments() throws IOException {
        try (GlenDB db = GlenDB.open(dir, smallSegments())) {
            fill(db, 400);
            int segmentsBefore = db.stats().walSegments();
            long bytesBefore = db.admin().walTotalSize();
            assertThat(segmentsBefore).isGreaterThan(5);
            assertThat(walFiles(dir)).isEqualTo(segmentsBefore);

            db.admin().compact();

            assertThat(db.stats().walSegments()).isLessThan(segmentsBefore).isEqualTo(1);
            assertThat(db.admin().walTotalSize()).isLessThan(bytesBefore / 10);
            assertThat(walFiles(dir)).isEqualTo(db.stats().walSegments());
        }
    }

    @Test
    void compactKeepsEveryDocumentAcrossReopen() {
        Map<String, Map<String, Value>> expected;
        try (GlenDB db = GlenDB.open(dir, smallSegments())) {
            fill(db, 300);
            db.put("other", "x", Value.of(1));
            db.delete("items", "d7");
            db.admin().compact();
            db.put("items", "after", Value.of("compaction"));
            db.delete("items", "d8");
            expected = contents(db);
        }

        try (GlenDB db = GlenDB.open(dir, smallSegments())) {
            assertThat(contents(db)).isEqualTo(expected);
            assertThat(db.stats().recoveredRecords()).as("only the records after the compaction are replayed")
                    .isEqualTo(2);
        }
    }

    @Test
    void compactingTwiceInARowIsHarmless() {
        try (GlenDB db = GlenDB.open(dir, smallSegments())) {
            fill(db, 100);
            Map<String, Map<String, Value>> expected = contents(db);

            db.admin().compact();
            long walAfterFirst = db.admin().walTotalSize();
            db.admin().compact();

            assertThat(db.admin().walTotalSize()).isEqualTo(walAfterFirst);
            assertThat(contents(db)).isEqualTo(expected);
        }
    }

    @Test
    void compactingAnEmptyDatabaseIsHarmless() {
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.admin().compact()).isZero();
            assertThat(db.collections()).isEmpty();
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.collections()).isEmpty();
            assertThat(db.put("c", "a", Value.of(1))).isEqualTo(1);
        }
    }

    @Test
    void isCompactingIsFalseWhenNothingRuns() {
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("c", "a", Value.of(1));
            db.admin().compact();

            assertThat(db.admin().isCompacting()).isFalse();
        }
    }

    // ------------------------------------------------------------------ backup

    @Test
    void backupCanBeOpenedAndHoldsTheData() {
        Path target = backups.resolve("b1");
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("users", "a", Value.of(1));
            db.putMany("orders", Map.of("x", Value.of(2), "y", Value.of(3)));
            db.delete("orders", "y");
            db.admin().backup(target);

            try (GlenDB restored = GlenDB.open(target)) {
                assertThat(contents(restored)).isEqualTo(contents(db));
                assertThat(restored.version("users", "a")).isEqualTo(db.version("users", "a"));
            }
        }
    }

    @Test
    void backupIncludesWritesAfterAnEarlierCompaction() {
        Path target = backups.resolve("b1");
        try (GlenDB db = GlenDB.open(dir, smallSegments())) {
            fill(db, 200);
            db.admin().compact();
            fill(db, 120);
            db.delete("items", "d0");
            db.admin().backup(target);
            Map<String, Map<String, Value>> expected = contents(db);

            try (GlenDB restored = GlenDB.open(target)) {
                assertThat(contents(restored)).isEqualTo(expected);
            }
        }
    }

    @Test
    void backupTargetMustNotExist() throws IOException {
        Path target = Files.createDirectories(backups.resolve("existing"));
        Files.writeString(target.resolve("keep.txt"), "mine");
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("c", "a", Value.of(1));

            assertThatThrownBy(() -> db.admin().backup(target)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already exists");

            assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("mine");
            try (Stream<Path> files = Files.list(target)) {
                assertThat(files).hasSize(1);
            }
            db.put("c", "b", Value.of(2));
            assertThat(db.count("c")).isEqualTo(2);
        }
    }

    @Test
    void theOriginalKeepsWorkingAndStaysIndependentOfItsBackup() {
        Path target = backups.resolve("b1");
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("c", "a", Value.of(1));
            db.admin().backup(target);
            db.put("c", "b", Value.of(2));

            try (GlenDB restored = GlenDB.open(target)) {
                restored.put("c", "only-in-backup", Value.of(3));
                assertThat(restored.getAll("c")).containsOnlyKeys("a", "only-in-backup");
            }
            assertThat(db.getAll("c")).containsOnlyKeys("a", "b");
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.getAll("c")).containsOnlyKeys("a", "b");
        }
    }

    /**
     * A writer moves units between accounts with putMany batches (the total never changes) and
     * bumps a pair of counters together; backups taken meanwhile must each show one consistent
     * state.
     */
    @Test
    void backupWhileWritersRunHoldsAConsistentState() throws Exception {
        // Many accounts make each snapshot take a while, so transfers land in the middle of it.
        int accounts = 2000;
        long total = 20 * accounts;
        int backupCount = 3;
        try (GlenDB db = GlenDB.open(dir, smallSegments())) {
            Map<String, Value> initial = new LinkedHashMap<>();
            for (int i = 0; i < accounts; i++) {
                initial.put("acct" + i, Value.of(total / accounts));
            }
            db.putMany("bank", initial);
            db.putMany("pair", Map.of("left", Value.of(0), "right", Value.of(0)));

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong transfers = new AtomicLong();
            CountDownLatch writing = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> writer = pool.submit(() -> {
                    java.util.Random random = new java.util.Random(42);
                    long[] balance = new long[accounts];
                    java.util.Arrays.fill(balance, total / accounts);
                    long n = 0;
                    while (!stop.get()) {
                        int from = random.nextInt(accounts);
                        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                        long amount = Math.min(balance[from], 1 + random.nextInt(5));
                        balance[from] -= amount;
                        balance[to] += amount;
                        Map<String, Value> batch = new LinkedHashMap<>();
                        batch.put("acct" + from, Value.of(balance[from]));
                        batch.put("acct" + to, Value.of(balance[to]));
                        db.putMany("bank", batch);
                        n++;
                        db.putMany("pair", Map.of("left", Value.of(n), "right", Value.of(n)));
                        transfers.incrementAndGet();
                        if (n == 50) {
                            writing.countDown();
                        }
                    }
                    return null;
                });
                assertThat(writing.await(30, TimeUnit.SECONDS)).as("writer started").isTrue();

                List<Path> targets = new ArrayList<>();
                for (int b = 0; b < backupCount; b++) {
                    Path target = backups.resolve("b" + b);
                    db.admin().backup(target);
                    targets.add(target);
                    if (b == 0) {
                        db.admin().compact();
                    }
                }
                stop.set(true);
                writer.get(30, TimeUnit.SECONDS);

                long previousPair = -1;
                for (Path target : targets) {
                    try (GlenDB restored = GlenDB.open(target)) {
                        Map<String, Value> bank = restored.getAll("bank");
                        assertThat(bank).as(target.toString()).hasSize(accounts);
                        long sum = bank.values().stream().mapToLong(Value::asLong).sum();
                        assertThat(sum).as("money is neither created nor lost in " + target).isEqualTo(total);
                        Value left = restored.get("pair", "left");
                        assertThat(restored.get("pair", "right")).as("pair in " + target).isEqualTo(left);
                        assertThat(left.asLong()).as("backups follow each other").isGreaterThanOrEqualTo(previousPair);
                        previousPair = left.asLong();
                    }
                }
                assertThat(previousPair).as("the last backup saw the writer's work").isPositive();

                // The original keeps working and holds the writer's last state.
                db.put("pair", "after", Value.of(true));
                assertThat(db.get("pair", "left").asLong()).isEqualTo(transfers.get());
                assertThat(db.getAll("bank").values().stream().mapToLong(Value::asLong).sum()).isEqualTo(total);
            } finally {
                stop.set(true);
                pool.shutdownNow();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
