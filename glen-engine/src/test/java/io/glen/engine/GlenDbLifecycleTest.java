package io.glen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Opening, closing, reopening, durability per sync mode, directory locking and the document size limit. */
class GlenDbLifecycleTest {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private static GlenOptions sync(WalSyncMode mode) {
        return GlenOptions.builder().walSync(mode).build();
    }

    // ------------------------------------------------------------------ closed databases

    static Stream<Arguments> everyOperation() {
        Map<String, Consumer<GlenDB>> ops = new LinkedHashMap<>();
        ops.put("put", db -> db.put("c", "a", Value.of(1)));
        ops.put("putMany", db -> db.putMany("c", Map.of("a", Value.of(1))));
        ops.put("putMany(empty)", db -> db.putMany("c", Map.of()));
        ops.put("delete", db -> db.delete("c", "a"));
        ops.put("deleteMany", db -> db.deleteMany("c", List.of("a")));
        ops.put("get", db -> db.get("c", "a"));
        ops.put("getDocument", db -> db.getDocument("c", "a"));
        ops.put("getMany", db -> db.getMany("c", List.of("a")));
        ops.put("getAll", db -> db.getAll("c"));
        ops.put("stream", db -> db.stream("c"));
        ops.put("version", db -> db.version("c", "a"));
        ops.put("count", db -> db.count("c"));
        ops.put("collections", GlenDB::collections);
        ops.put("snapshotAll", db -> db.admin().snapshotAll());
        ops.put("compact", db -> db.admin().compact());
        ops.put("backup", db -> db.admin().backup(db.directory().resolveSibling("backup-of-closed")));
        ops.put("setWalSync", db -> db.admin().setWalSync(WalSyncMode.ALWAYS, 1));
        ops.put("setCacheCapacity", db -> db.admin().setCacheCapacity(1024));
        return ops.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperation")
    void everyOperationOnAClosedDatabaseThrowsGlenClosedException(String name, Consumer<GlenDB> operation) {
        GlenDB db = GlenDB.open(dir);
        db.put("c", "a", Value.of(1));
        db.close();

        assertThatThrownBy(() -> operation.accept(db)).isInstanceOf(GlenClosedException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aClosedDatabaseSaysSo() {
        GlenDB db = GlenDB.open(dir);
        assertThat(db.isClosed()).isFalse();
        assertThat(db.admin().isWritable()).isTrue();

        db.close();

        assertThat(db.isClosed()).isTrue();
        assertThat(db.admin().isWritable()).isFalse();
        assertThat(db.toString()).contains("closed");
    }

    @Test
    void aClosedDatabaseIsNotCompacting() {
        GlenDB db = GlenDB.open(dir);
        db.put("c", "a", Value.of(1));
        db.admin().compact();

        db.close();

        assertThat(db.admin().isCompacting()).isFalse();
    }

    @Test
    void closeIsIdempotent() {
        GlenDB db = GlenDB.open(dir);
        db.put("c", "a", Value.of(1));

        db.close();
        assertThatCode(db::close).doesNotThrowAnyException();
        assertThatCode(db::close).doesNotThrowAnyException();

        try (GlenDB reopened = GlenDB.open(dir)) {
            assertThat(reopened.get("c", "a")).isEqualTo(Value.of(1));
        }
    }

    @Test
    void closeReleasesTheDirectorySoItCanBeReopened() {
        for (int round = 0; round < 3; round++) {
            try (GlenDB db = GlenDB.open(dir)) {
                db.put("c", "round" + round, Value.of(round));
                assertThat(db.count("c")).isEqualTo(round + 1);
            }
        }
    }

    // ------------------------------------------------------------------ durability

    private static Map<String, Map<String, Value>> writeAcknowledgedMix(GlenDB db) {
        Map<String, Map<String, Value>> expected = new TreeMap<>();
        expected.put("users", new TreeMap<>());
        expected.put("orders", new TreeMap<>());
        for (int i = 0; i < 40; i++) {
            Value v = Value.object().put("i", i).put("s", "v" + i).build();
            db.put("users", "u" + (i % 15), v);
            expected.get("users").put("u" + (i % 15), v);
        }
        Map<String, Value> batch = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            batch.put("o" + i, Value.of(i * 1.5));
        }
        db.putMany("orders", batch);
        expected.get("orders").putAll(batch);
        db.delete("users", "u3");
        expected.get("users").remove("u3");
        db.deleteMany("orders", List.of("o1", "o2", "missing"));
        expected.get("orders").remove("o1");
        expected.get("orders").remove("o2");
        return expected;
    }

    private static Map<String, Map<String, Value>> contents(GlenDB db) {
        Map<String, Map<String, Value>> all = new TreeMap<>();
        for (String c : db.collections()) {
            all.put(c, db.getAll(c));
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(WalSyncMode.class)
    void everythingAcknowledgedIsPresentAfterCloseAndReopen(WalSyncMode mode) {
        Map<String, Map<String, Value>> expected;
        long lsn;
        try (GlenDB db = GlenDB.open(dir, sync(mode))) {
            expected = writeAcknowledgedMix(db);
            lsn = db.stats().lsn();
        }

        try (GlenDB db = GlenDB.open(dir, sync(mode))) {
            assertThat(contents(db)).isEqualTo(expected);
            assertThat(db.stats().lsn()).isEqualTo(lsn);
        }
    }

    @ParameterizedTest
    @EnumSource(WalSyncMode.class)
    void everythingAcknowledgedIsInTheFilesBeforeCloseSoAProcessCrashLosesNothing(WalSyncMode mode)
            throws IOException {
        // Copying the files of a still-open database sees what a kill -9 would leave behind: only
        // what was handed to the operating system.
        Path copy = elsewhere.resolve("crash-copy");
        Map<String, Map<String, Value>> expected;
        GlenOptions options = GlenOptions.builder().walSync(mode).walFlushInterval(java.time.Duration.ofHours(1))
                .walFlushEveryBytes(Long.MAX_VALUE).build();
        try (GlenDB db = GlenDB.open(dir, options)) {
            expected = writeAcknowledgedMix(db);
            copyFiles(dir, copy);
        }

        try (GlenDB restored = GlenDB.open(copy)) {
            assertThat(contents(restored)).isEqualTo(expected);
        }
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().equals("glen.lock")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    @Test
    void reopenReportsHowManyLogRecordsItReplayed() {
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("c", "a", Value.of(1));
            db.put("c", "b", Value.of(2));
            db.putMany("c", Map.of("x", Value.of(1), "y", Value.of(2)));
            assertThat(db.stats().recoveredRecords()).isZero();
        }

        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.stats().recoveredRecords()).isEqualTo(3);
            assertThat(db.stats().recoveryTruncatedBytes()).isZero();
            assertThat(db.stats().recoverySalvagedBytes()).isZero();
        }
    }

    @Test
    void versionsSurviveReopen() {
        long a;
        long b;
        try (GlenDB db = GlenDB.open(dir)) {
            a = db.put("c", "a", Value.of(1));
            b = db.put("c", "b", Value.of(2));
        }

        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.version("c", "a")).isEqualTo(a);
            assertThat(db.version("c", "b")).isEqualTo(b);
            assertThat(db.put("c", "z", Value.NULL)).isGreaterThan(b);
        }
    }

    @Test
    void afterReopenEverythingRecoveredCountsAsDurable() {
        try (GlenDB db = GlenDB.open(dir, sync(WalSyncMode.NONE))) {
            db.put("c", "a", Value.of(1));
            db.put("c", "b", Value.of(2));
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.stats().durableLsn()).isEqualTo(db.stats().lsn()).isEqualTo(2);
        }
    }

    @Test
    void afterReopenOfACompactedDatabaseEverythingRecoveredCountsAsDurable() {
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("c", "a", Value.of(1));
            db.put("c", "b", Value.of(2));
            db.admin().compact();
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.stats().lsn()).isEqualTo(2);
            assertThat(db.stats().durableLsn()).as("durable LSN").isEqualTo(2);
        }
    }

    // ------------------------------------------------------------------ one open per directory

    @Test
    void aSecondOpenOfTheSameDirectoryInThisJvmFails() {
        try (GlenDB first = GlenDB.open(dir)) {
            first.put("c", "a", Value.of(1));

            assertThatThrownBy(() -> GlenDB.open(dir)).isInstanceOf(GlenStorageException.class)
                    .hasMessageContaining("already open");
            assertThatThrownBy(() -> GlenDB.open(dir.resolve(".").resolve("sub").resolve("..")))
                    .as("the same directory spelled differently").isInstanceOf(GlenStorageException.class);

            first.put("c", "b", Value.of(2));
            assertThat(first.getAll("c")).hasSize(2);
        }

        try (GlenDB again = GlenDB.open(dir)) {
            assertThat(again.getAll("c")).hasSize(2);
        }
    }

    // ------------------------------------------------------------------ runtime sync mode

    @Test
    void setWalSyncChangesTheModeReportedByStats() {
        try (GlenDB db = GlenDB.open(dir, sync(WalSyncMode.NONE))) {
            assertThat(db.stats().walSync()).isEqualTo(WalSyncMode.NONE);

            db.admin().setWalSync(WalSyncMode.ALWAYS, 1);

            assertThat(db.stats().walSync()).isEqualTo(WalSyncMode.ALWAYS);
            assertThat(db.options().walSync()).as("options stay as opened").isEqualTo(WalSyncMode.NONE);
        }
    }

    @Test
    void afterSwitchingToAlwaysEveryWriteIsForcedBeforeItReturns() {
        try (GlenDB db = GlenDB.open(dir, sync(WalSyncMode.NONE))) {
            db.put("c", "warmup", Value.of(0));
            db.admin().setWalSync(WalSyncMode.ALWAYS, GlenOptions.DEFAULT_WAL_FLUSH_EVERY_BYTES);

            for (int i = 0; i < 5; i++) {
                long syncsBefore = db.stats().walSyncs();
                long v = db.put("c", "k" + i, Value.of(i));
                GlenStats stats = db.stats();
                assertThat(stats.durableLsn()).isGreaterThanOrEqualTo(v);
                assertThat(stats.walSyncs()).isGreaterThan(syncsBefore);
            }
        }
    }

    @Test
    void afterSwitchingToNoneWritesDoNotForce() {
        try (GlenDB db = GlenDB.open(dir, sync(WalSyncMode.ALWAYS))) {
            db.put("c", "warmup", Value.of(0));
            db.admin().setWalSync(WalSyncMode.NONE, 1);
            long syncs = db.stats().walSyncs();

            for (int i = 0; i < 20; i++) {
                db.put("c", "k" + i, Value.of(i));
            }

            assertThat(db.stats().walSyncs()).isEqualTo(syncs);
            assertThat(db.stats().durableLsn()).isLessThan(db.stats().lsn());
        }
    }

    @Test
    void underIntervalReachingFlushEveryBytesForcesInTheBackgroundWhileWritersGoOn() throws InterruptedException {
        SimulatedStorageFiles sim = new SimulatedStorageFiles(1);
        GlenOptions options = GlenOptions.builder().storageFiles(sim).walSync(WalSyncMode.NONE)
                .walFlushInterval(Duration.ofHours(1)).build();
        try (GlenDB db = GlenDB.open(Path.of("/sim/db"), options)) {
            CountDownLatch forceStarted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<String> forcingThread = new AtomicReference<>();
            db.admin().setWalSync(WalSyncMode.INTERVAL, 1);
            long syncs = db.stats().walSyncs();
            sim.onForce(path -> {
                if (forcingThread.compareAndSet(null, Thread.currentThread().getName())) {
                    forceStarted.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });

            long v = db.put("c", "a", Value.of(1));

            // The writer returned after write(2); the force it asked for runs on the WAL thread
            // (the timer is an hour away, so only the byte threshold can cause it) and is held.
            assertThat(forceStarted.await(30, TimeUnit.SECONDS)).as("a force was started").isTrue();
            assertThat(forcingThread.get()).isEqualTo("glen-wal-sync");
            assertThat(db.stats().durableLsn()).as("not durable while the force is held").isLessThan(v);
            long w = db.put("c", "b", Value.of(2));
            assertThat(db.get("c", "b")).as("writers go on during the force").isEqualTo(Value.of(2));

            release.countDown();
            // The write made during the held force asked for its own; it follows.
            await().atMost(Duration.ofSeconds(30)).until(() -> db.stats().durableLsn() >= w);
            assertThat(db.stats().walSyncs()).isGreaterThan(syncs);
        }
    }

    @Test
    void withoutBackgroundForceTheWriterCrossingTheThresholdForcesBeforeItReturns() {
        SimulatedStorageFiles sim = new SimulatedStorageFiles(1);
        GlenOptions options = GlenOptions.builder().storageFiles(sim).walSync(WalSyncMode.NONE)
                .walBackgroundForce(false).walFlushInterval(Duration.ofHours(1)).build();
        try (GlenDB db = GlenDB.open(Path.of("/sim/db"), options)) {
            List<String> forcingThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
            db.admin().setWalSync(WalSyncMode.INTERVAL, 1);
            long syncs = db.stats().walSyncs();
            sim.onForce(path -> forcingThreads.add(Thread.currentThread().getName()));

            long v = db.put("c", "a", Value.of(1));

            assertThat(db.stats().durableLsn()).isEqualTo(v);
            assertThat(db.stats().walSyncs()).isEqualTo(syncs + 1);
            assertThat(forcingThreads).containsExactly(Thread.currentThread().getName());
        }
    }

    @Test
    void setWalSyncRejectsANonPositiveByteThresholdAndKeepsTheMode() {
        try (GlenDB db = GlenDB.open(dir, sync(WalSyncMode.NONE))) {
            assertThatThrownBy(() -> db.admin().setWalSync(WalSyncMode.ALWAYS, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flushEveryBytes");
            assertThatThrownBy(() -> db.admin().setWalSync(null, 1)).isInstanceOf(NullPointerException.class);

            assertThat(db.stats().walSync()).isEqualTo(WalSyncMode.NONE);
        }
    }

    // ------------------------------------------------------------------ document size limit

    private static final int LIMIT = 64;

    private static GlenOptions smallDocuments() {
        return GlenOptions.builder().maxDocumentBytes(LIMIT).build();
    }

    @Test
    void aDocumentOverMaxDocumentBytesIsRejectedAndNothingIsWritten() {
        long walSize;
        try (GlenDB db = GlenDB.open(dir, smallDocuments())) {
            db.put("c", "small", Value.of("fits"));
            long lsn = db.stats().lsn();
            walSize = db.admin().walTotalSize();

            assertThatThrownBy(() -> db.put("c", "big", Value.of("x".repeat(LIMIT))))
                    .isInstanceOfSatisfying(DocumentTooLargeException.class,
                            e -> assertThat(e.limit()).isEqualTo(LIMIT))
                    .hasMessageContaining("maxDocumentBytes");

            assertThat(db.count("c")).isEqualTo(1);
            assertThat(db.version("c", "big")).isZero();
            assertThat(db.stats().lsn()).isEqualTo(lsn);
            assertThat(db.admin().walTotalSize()).isEqualTo(walSize);
        }

        try (GlenDB db = GlenDB.open(dir, smallDocuments())) {
            assertThat(db.getAll("c")).containsOnlyKeys("small");
            assertThat(db.admin().walTotalSize()).isEqualTo(walSize);
        }
    }

    @Test
    void anOversizedDocumentIsReportedWithCollectionIdActualSizeAndLimit() {
        try (GlenDB db = GlenDB.open(dir, smallDocuments())) {
            Value big = Value.object().put("note", "x".repeat(200)).build();
            long size = ValueCodec.encode(big).length;

            assertThatThrownBy(() -> db.put("notes", "n1", big))
                    .isInstanceOfSatisfying(DocumentTooLargeException.class, e -> {
                        assertThat(e.collection()).isEqualTo("notes");
                        assertThat(e.docId()).isEqualTo("n1");
                        assertThat(e.size()).isEqualTo(size);
                        assertThat(e.limit()).isEqualTo(LIMIT);
                    })
                    .hasMessage("document 'n1' in collection 'notes' encodes to " + size + " bytes, over the maximum of "
                            + LIMIT + " bytes (maxDocumentBytes)");
            assertThatThrownBy(() -> db.putMany("notes", Map.of("n2", big)))
                    .isInstanceOfSatisfying(DocumentTooLargeException.class,
                            e -> assertThat(e.docId()).isEqualTo("n2"));
        }
    }

    @Test
    void anOversizedOverwriteKeepsThePreviousValueAndVersion() {
        try (GlenDB db = GlenDB.open(dir, smallDocuments())) {
            long v = db.put("c", "doc", Value.of("fits"));

            assertThatThrownBy(() -> db.put("c", "doc", Value.array(Value.of("x".repeat(40)), Value.of("y".repeat(40)))))
                    .isInstanceOf(DocumentTooLargeException.class);

            assertThat(db.get("c", "doc")).isEqualTo(Value.of("fits"));
            assertThat(db.version("c", "doc")).isEqualTo(v);
        }
    }

    @Test
    void aPutManyWithOneOversizedDocumentWritesNoneOfThem() {
        long walSize;
        try (GlenDB db = GlenDB.open(dir, smallDocuments())) {
            db.put("c", "a", Value.of(0));
            long lsn = db.stats().lsn();
            walSize = db.admin().walTotalSize();
            Map<String, Value> batch = new LinkedHashMap<>();
            batch.put("a", Value.of(1));
            batch.put("b", Value.of(2));
            batch.put("huge", Value.of(new byte[LIMIT]));
            batch.put("d", Value.of(4));

            assertThatThrownBy(() -> db.putMany("c", batch)).isInstanceOf(DocumentTooLargeException.class);

            assertThat(db.getAll("c")).containsExactly(Map.entry("a", Value.of(0)));
            assertThat(db.stats().lsn()).isEqualTo(lsn);
            assertThat(db.stats().batches()).isEqualTo(1);
            assertThat(db.admin().walTotalSize()).isEqualTo(walSize);
        }

        try (GlenDB db = GlenDB.open(dir, smallDocuments())) {
            assertThat(db.getAll("c")).containsExactly(Map.entry("a", Value.of(0)));
        }
    }

    @Test
    void aDocumentOfExactlyMaxDocumentBytesIsAccepted() {
        try (GlenDB db = GlenDB.open(dir, smallDocuments())) {
            // Find the largest string that encodes within the limit, then check one more byte fails.
            String fits = "";
            for (int n = 0; n < LIMIT; n++) {
                String candidate = "x".repeat(n);
                try {
                    io.glen.engine.value.ValueCodec.encode(Value.of(candidate), LIMIT);
                    fits = candidate;
                } catch (DocumentTooLargeException e) {
                    break;
                }
            }
            assertThat(io.glen.engine.value.ValueCodec.encode(Value.of(fits))).hasSize(LIMIT);

            db.put("c", "edge", Value.of(fits));
            String tooBig = fits + "x";
            assertThatThrownBy(() -> db.put("c", "over", Value.of(tooBig)))
                    .isInstanceOf(DocumentTooLargeException.class);
            assertThat(db.get("c", "edge")).isEqualTo(Value.of(fits));
        }
    }
}
