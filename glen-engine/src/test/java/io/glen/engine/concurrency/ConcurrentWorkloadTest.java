package io.glen.engine.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.Document;
import io.glen.engine.GlenClosedException;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads write, read, compact and back up at once; afterwards the database, every backup and
 * the reopened database must agree with what the writers were told.
 *
 * <p>Keys of collection {@code owned} belong to one writer each, so that writer knows their exact
 * final state (its last acknowledged write). Keys of {@code shared} are put by every writer and
 * never deleted, so their final value is the acknowledged put with the highest version. A pair
 * writer bumps {@code pairs/left} and {@code pairs/right} together with putMany. Readers cannot
 * read two keys atomically, so they check only what single reads guarantee: value integrity,
 * versions per key that never go backwards, and never a value older than one already acknowledged.
 */
class ConcurrentWorkloadTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final int WRITERS = 10;
    private static final int OWNED_KEYS = 6;
    private static final int SHARED_KEYS = 6;
    /**
     * Each writer does at least this many operations (fewer under ALWAYS, where every write waits
     * for a force), and goes on until the backups are taken, up to six times as many.
     */
    private static final int OPS_PER_WRITER = 250;
    private static final int OPS_PER_WRITER_ALWAYS = 60;
    private static final int BACKUPS = 2;
    /** Writer 0 asks for a compaction every this many operations. */
    private static final int COMPACT_EVERY = 40;
    private static final int READERS = 2;
    /** Untouched documents that make every snapshot take a while, so writers interleave with it. */
    private static final int BALLAST = 2000;

    @TempDir
    Path dir;

    @TempDir
    Path backups;

    // ------------------------------------------------------------------ values with integrity

    static Value payload(String key, int writer, int seq) {
        return Value.object().put("key", key).put("writer", writer).put("seq", seq)
                .put("check", check(key, writer, seq)).build();
    }

    private static long check(String key, long writer, long seq) {
        return (key.hashCode() * 31L + writer) * 1_000_003L + seq;
    }

    static void assertIntact(String key, Value value) {
        assertThat(value.get("key")).as("value stored under " + key + " names its key").isEqualTo(Value.of(key));
        long expected = check(key, value.get("writer").asLong(), value.get("seq").asLong());
        assertThat(value.get("check").asLong()).as("value of " + key + " is intact").isEqualTo(expected);
    }

    // ------------------------------------------------------------------ writers' logs

    /** One acknowledged operation of an owner on its own keys. value null = delete. */
    private record Op(List<String> keys, List<Value> values, long version) {
    }

    /** An acknowledged put of a shared key. */
    private record SharedPut(String key, long version, Value value) {
    }

    private static final class Writer implements Callable<Void> {
        private final GlenDB db;
        private final int index;
        private final CyclicBarrier start;
        private final CountDownLatch halfway;
        private final AtomicBoolean backupsDone;
        private final Semaphore compactTickets;
        private final int ops;
        private final Random random;
        private final List<String> keys = new ArrayList<>();
        final List<Op> log = new ArrayList<>();
        final Map<String, Value> state = new HashMap<>();
        final ConcurrentLinkedQueue<SharedPut> sharedPuts;
        final AtomicInteger acknowledged;

        Writer(GlenDB db, int index, long seed, CyclicBarrier start, CountDownLatch halfway,
               AtomicBoolean backupsDone, Semaphore compactTickets, ConcurrentLinkedQueue<SharedPut> sharedPuts,
               AtomicInteger acknowledged) {
            this.db = db;
            this.index = index;
            this.start = start;
            this.halfway = halfway;
            this.backupsDone = backupsDone;
            this.compactTickets = compactTickets;
            this.ops = db.options().walSync() == WalSyncMode.ALWAYS ? OPS_PER_WRITER_ALWAYS : OPS_PER_WRITER;
            this.random = new Random(seed);
            this.sharedPuts = sharedPuts;
            this.acknowledged = acknowledged;
            for (int k = 0; k < OWNED_KEYS; k++) {
                keys.add("w" + index + "-k" + k);
            }
        }

        private String ownKey() {
            return keys.get(random.nextInt(keys.size()));
        }

        @Override
        public Void call() throws Exception {
            start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (int seq = 0; seq < 6 * ops && (seq < ops || !backupsDone.get()); seq++) {
                if (seq == ops / 2) {
                    halfway.countDown();
                }
                if (index == 0 && seq % COMPACT_EVERY == 0) {
                    compactTickets.release();
                }
                int dice = random.nextInt(100);
                if (dice < 30) {
                    String key = ownKey();
                    Value value = payload(key, index, seq);
                    long version = db.put("owned", key, value);
                    record(List.of(key), List.of(value), version);
                } else if (dice < 42) {
                    String key = ownKey();
                    boolean existed = db.delete("owned", key);
                    assertThat(existed).as("delete of an owned key reports what its owner wrote")
                            .isEqualTo(state.containsKey(key));
                    if (existed) {
                        record(List.of(key), Collections.singletonList(null), 0);
                    }
                } else if (dice < 54) {
                    Map<String, Value> batch = new LinkedHashMap<>();
                    for (int i = 0; i < 3; i++) {
                        String key = ownKey();
                        batch.put(key, payload(key, index, seq));
                    }
                    long version = db.putMany("owned", batch);
                    record(new ArrayList<>(batch.keySet()), new ArrayList<>(batch.values()), version);
                } else if (dice < 60) {
                    List<String> doomed = List.of(ownKey(), ownKey());
                    long present = doomed.stream().distinct().filter(state::containsKey).count();
                    assertThat(db.deleteMany("owned", doomed)).as("deleteMany of owned keys").isEqualTo((int) present);
                    if (present > 0) {
                        List<String> gone = doomed.stream().distinct().filter(state::containsKey).toList();
                        record(gone, Collections.nCopies(gone.size(), null), 0);
                    }
                } else if (dice < 75) {
                    String key = "s" + random.nextInt(SHARED_KEYS);
                    Value value = payload(key, index, seq);
                    long version = db.put("shared", key, value);
                    sharedPuts.add(new SharedPut(key, version, value));
                    acknowledged.incrementAndGet();
                } else if (dice < 80) {
                    Map<String, Value> batch = new LinkedHashMap<>();
                    for (int i = 0; i < 2; i++) {
                        String key = "s" + random.nextInt(SHARED_KEYS);
                        batch.put(key, payload(key, index, seq));
                    }
                    long version = db.putMany("shared", batch);
                    batch.forEach((key, value) -> sharedPuts.add(new SharedPut(key, version, value)));
                    acknowledged.incrementAndGet();
                } else {
                    String key = ownKey();
                    assertThat(db.get("owned", key)).as("an owner reads its own last write of " + key)
                            .isEqualTo(state.get(key));
                }
            }
            return null;
        }

        private void record(List<String> keys, List<Value> values, long version) {
            for (int i = 0; i < keys.size(); i++) {
                if (values.get(i) == null) {
                    state.remove(keys.get(i));
                } else {
                    state.put(keys.get(i), values.get(i));
                }
            }
            log.add(new Op(keys, values, version));
            acknowledged.incrementAndGet();
        }

        /**
         * Checks that {@code found} (this writer's keys in a backup with last LSN {@code cut}) is
         * the state after some prefix of this writer's operations that agrees with the cut.
         */
        void assertPrefixState(Map<String, Value> found, long cut, String where) {
            // Puts have known versions: every put at or below the cut is in, every later one out.
            // Deletes lie somewhere between, so try every prefix in that window.
            int from = 0;
            int to = log.size();
            for (int i = 0; i < log.size(); i++) {
                long v = log.get(i).version();
                if (v != 0 && v <= cut) {
                    from = i + 1;
                }
                if (v != 0 && v > cut && to == log.size()) {
                    to = i;
                }
            }
            Map<String, Value> replay = new HashMap<>();
            for (int i = 0; i < from; i++) {
                apply(replay, log.get(i));
            }
            if (replay.equals(found)) {
                return;
            }
            for (int i = from; i < to; i++) {
                apply(replay, log.get(i));
                if (replay.equals(found)) {
                    return;
                }
            }
            throw new AssertionError(where + ": writer " + index + "'s keys " + found
                    + " are no prefix of its acknowledged operations between " + from + " and " + to);
        }

        private static void apply(Map<String, Value> state, Op op) {
            for (int i = 0; i < op.keys().size(); i++) {
                if (op.values().get(i) == null) {
                    state.remove(op.keys().get(i));
                } else {
                    state.put(op.keys().get(i), op.values().get(i));
                }
            }
        }

        Map<String, Value> own(Map<String, Value> owned) {
            Map<String, Value> mine = new HashMap<>();
            owned.forEach((key, value) -> {
                if (keys.contains(key)) {
                    mine.put(key, value);
                }
            });
            return mine;
        }
    }

    // ------------------------------------------------------------------ readers

    private static final class Reader implements Callable<Long> {
        private final GlenDB db;
        private final Random random;
        private final AtomicBoolean done;
        private final AtomicLong pairAcknowledged;
        private final CyclicBarrier start;
        private final Map<String, Long> lastSeen = new HashMap<>();

        Reader(GlenDB db, long seed, AtomicBoolean done, AtomicLong pairAcknowledged, CyclicBarrier start) {
            this.db = db;
            this.random = new Random(seed);
            this.done = done;
            this.pairAcknowledged = pairAcknowledged;
            this.start = start;
        }

        @Override
        public Long call() throws Exception {
            start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long reads = 0;
            do {
                for (int i = 0; i < 50; i++) {
                    reads++;
                    switch (random.nextInt(4)) {
                        case 0 -> readOne("owned", "w" + random.nextInt(WRITERS) + "-k" + random.nextInt(OWNED_KEYS));
                        case 1 -> readOne("shared", "s" + random.nextInt(SHARED_KEYS));
                        case 2 -> readPair();
                        default -> readMany();
                    }
                }
                long lsn = db.stats().lsn();
                long maxSeen = lastSeen.values().stream().mapToLong(Long::longValue).max().orElse(0);
                assertThat(maxSeen).as("no version beyond the last assigned LSN").isLessThanOrEqualTo(lsn);
                long count = db.count("owned");
                assertThat(count).as("owned count in range").isBetween(0L, (long) WRITERS * OWNED_KEYS);
            } while (!done.get());
            return reads;
        }

        private void readOne(String collection, String key) {
            Document doc = db.getDocument(collection, key);
            if (doc == null) {
                return;
            }
            assertIntact(key, doc.value());
            Long previous = lastSeen.put(collection + "/" + key, doc.version());
            if (previous != null) {
                assertThat(doc.version()).as("version of " + key + " never decreases").isGreaterThanOrEqualTo(previous);
            }
        }

        private void readPair() {
            long acknowledged = pairAcknowledged.get();
            Document left = db.getDocument("pairs", "left");
            Document right = db.getDocument("pairs", "right");
            long acknowledgedAfter = pairAcknowledged.get();
            for (Document d : new Document[] {left, right}) {
                if (acknowledged > 0) {
                    assertThat(d).as("an acknowledged pair is visible").isNotNull();
                }
                if (d != null) {
                    long n = d.value().asLong();
                    assertThat(n).as(d.id() + " is not older than the acknowledged batch").isGreaterThanOrEqualTo(acknowledged);
                    assertThat(n).as(d.id() + " is not from a batch not yet begun").isLessThanOrEqualTo(acknowledgedAfter + 1);
                    Long previous = lastSeen.put("pairs/" + d.id(), d.version());
                    if (previous != null) {
                        assertThat(d.version()).as("pair version never decreases").isGreaterThanOrEqualTo(previous);
                    }
                }
            }
            if (left != null && right != null && left.version() == right.version()) {
                assertThat(left.value()).as("one batch, one value").isEqualTo(right.value());
            }
        }

        private void readMany() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                keys.add("s" + random.nextInt(SHARED_KEYS));
            }
            Map<String, Value> found = db.getMany("shared", keys);
            assertThat(new ArrayList<>(found.keySet())).as("getMany order")
                    .isEqualTo(keys.stream().distinct().filter(found::containsKey).toList());
            found.forEach(ConcurrentWorkloadTest::assertIntact);
        }
    }

    // ------------------------------------------------------------------ the test

    private static Map<String, Map<String, Document>> contents(GlenDB db) {
        Map<String, Map<String, Document>> all = new TreeMap<>();
        for (String c : db.collections()) {
            Map<String, Document> docs = new TreeMap<>();
            try (Stream<Document> stream = db.stream(c)) {
                stream.forEach(d -> docs.put(d.id(), d));
            }
            all.put(c, docs);
        }
        return all;
    }

    private static Map<String, Value> values(GlenDB db, String collection) {
        return db.getAll(collection);
    }

    @ParameterizedTest
    @EnumSource(value = WalSyncMode.class, names = {"ALWAYS", "INTERVAL"})
    void concurrentWritersReadersCompactionAndBackupsKeepEveryInvariant(WalSyncMode mode) throws Exception {
        GlenOptions options = GlenOptions.builder().walSync(mode).walSegmentBytes(16 * 1024)
                .walFlushEveryBytes(32 * 1024).cacheCapacityBytes(64 * 1024).build();
        int threads = WRITERS + READERS + 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<SharedPut> sharedPuts = new ConcurrentLinkedQueue<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean writersDone = new AtomicBoolean();
        AtomicBoolean backupsDone = new AtomicBoolean();
        Semaphore compactTickets = new Semaphore(0);
        AtomicLong pairAcknowledged = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(threads);
        CountDownLatch halfway = new CountDownLatch(WRITERS);
        List<Writer> writers = new ArrayList<>();
        List<Path> backupTargets = Collections.synchronizedList(new ArrayList<>());
        Map<String, Map<String, Document>> beforeClose;
        try {
            try (GlenDB db = GlenDB.open(dir, options)) {
                long ballastBatches = loadBallast(db);
                List<Future<?>> writerFutures = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    Writer writer = new Writer(db, w, 7919L * w + mode.ordinal(), start, halfway, backupsDone,
                            compactTickets, sharedPuts, acknowledged);
                    writers.add(writer);
                    writerFutures.add(pool.submit(writer));
                }
                Future<Long> pairWriter = pool.submit(() -> {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    long n = 0;
                    do {
                        n++;
                        Map<String, Value> batch = new LinkedHashMap<>();
                        batch.put("left", Value.of(n));
                        batch.put("right", Value.of(n));
                        db.putMany("pairs", batch);
                        pairAcknowledged.set(n);
                    } while (!writersDone.get());
                    return n;
                });
                Future<Integer> compactor = pool.submit(() -> {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    int compactions = 0;
                    while (!writersDone.get()) {
                        if (compactTickets.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                            db.admin().compact();
                            compactions++;
                        }
                    }
                    return compactions;
                });
                Future<?> backupTaker = pool.submit(() -> {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    assertThat(halfway.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("writers got halfway").isTrue();
                    try {
                        for (int b = 0; b < BACKUPS; b++) {
                            Path target = backups.resolve("backup-" + b);
                            db.admin().backup(target);
                            backupTargets.add(target);
                        }
                    } finally {
                        backupsDone.set(true);
                    }
                    return null;
                });
                List<Future<Long>> readers = new ArrayList<>();
                for (int r = 0; r < READERS; r++) {
                    readers.add(pool.submit(new Reader(db, 31L * r, writersDone, pairAcknowledged, start)));
                }

                for (Future<?> f : writerFutures) {
                    f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
                writersDone.set(true);
                long pairs = pairWriter.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(compactor.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isPositive();
                backupTaker.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                for (Future<Long> reader : readers) {
                    assertThat(reader.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isPositive();
                }

                // No lost acknowledged write: owned keys end at their owner's last acknowledged write.
                Map<String, Value> owned = values(db, "owned");
                Map<String, Value> expectedOwned = new HashMap<>();
                writers.forEach(w -> expectedOwned.putAll(w.state));
                assertThat(owned).as("owned keys = each owner's last acknowledged writes").isEqualTo(expectedOwned);

                // Shared keys end at the acknowledged put with the highest version.
                Map<String, SharedPut> lastShared = new HashMap<>();
                for (SharedPut put : sharedPuts) {
                    lastShared.merge(put.key(), put, (a, b) -> a.version() >= b.version() ? a : b);
                }
                for (SharedPut last : lastShared.values()) {
                    Document doc = db.getDocument("shared", last.key());
                    assertThat(doc.version()).as("version of shared " + last.key()).isEqualTo(last.version());
                    assertThat(doc.value()).as("value of shared " + last.key()).isEqualTo(last.value());
                }
                assertThat(db.count("shared")).isEqualTo(lastShared.size());

                assertThat(db.get("pairs", "left")).isEqualTo(Value.of(pairs)).isEqualTo(db.get("pairs", "right"));

                // Counts agree everywhere.
                assertThat(db.count("owned")).isEqualTo(expectedOwned.size());
                assertThat(db.stats().documentCounts()).containsEntry("owned", (long) expectedOwned.size())
                        .containsEntry("shared", (long) lastShared.size()).containsEntry("pairs", 2L);
                assertThat(db.stats().batches()).as("one batch per acknowledged write")
                        .isEqualTo(ballastBatches + acknowledged.get() + pairs);
                assertThat(db.stats().lsn()).isEqualTo(ballastBatches + acknowledged.get() + pairs);

                beforeClose = contents(db);

                // Every backup holds one consistent cut of the history.
                assertThat(backupTargets).hasSize(BACKUPS);
                for (Path target : backupTargets) {
                    try (GlenDB backup = GlenDB.open(target)) {
                        assertBackupIsACut(backup, target.getFileName().toString(), writers, sharedPuts);
                    }
                }
            }

            try (GlenDB db = GlenDB.open(dir, options)) {
                assertThat(contents(db)).as("reopened state equals the state before close").isEqualTo(beforeClose);
            }
        } finally {
            writersDone.set(true);
            backupsDone.set(true);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static long loadBallast(GlenDB db) {
        long batches = 0;
        Map<String, Value> batch = new LinkedHashMap<>();
        for (int i = 0; i < BALLAST; i++) {
            batch.put("b" + i, Value.object().put("i", i).put("pad", "ballast-" + i).build());
            if (batch.size() == 500) {
                db.putMany("ballast", batch);
                batch.clear();
                batches++;
            }
        }
        if (!batch.isEmpty()) {
            db.putMany("ballast", batch);
            batches++;
        }
        return batches;
    }

    private static void assertBackupIsACut(GlenDB backup, String where, List<Writer> writers,
                                           ConcurrentLinkedQueue<SharedPut> sharedPuts) {
        long cut = backup.stats().lsn();
        assertThat(backup.count("ballast")).as(where + ": ballast").isEqualTo(BALLAST);
        Value left = backup.get("pairs", "left");
        assertThat(backup.get("pairs", "right")).as(where + ": pair written by one batch").isEqualTo(left);

        Map<String, Value> owned = backup.getAll("owned");
        owned.forEach(ConcurrentWorkloadTest::assertIntact);
        for (Writer writer : writers) {
            writer.assertPrefixState(writer.own(owned), cut, where);
        }

        Map<String, SharedPut> expected = new HashMap<>();
        for (SharedPut put : sharedPuts) {
            if (put.version() <= cut) {
                expected.merge(put.key(), put, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        Map<String, Value> shared = backup.getAll("shared");
        assertThat(new java.util.HashSet<>(shared.keySet())).as(where + ": shared keys at LSN " + cut)
                .isEqualTo(expected.keySet());
        expected.forEach((key, put) -> {
            assertThat(backup.version("shared", key)).as(where + ": version of " + key).isEqualTo(put.version());
            assertThat(shared.get(key)).as(where + ": value of " + key + " at LSN " + cut).isEqualTo(put.value());
        });
    }

    // ------------------------------------------------------------------ close under load

    @Test
    void closeWhileWritersRunKeepsEveryAcknowledgedWriteAndAppliesNoRejectedOne() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CyclicBarrier start = new CyclicBarrier(writers + 2);
        CountDownLatch warmedUp = new CountDownLatch(writers);
        List<Map<String, Value>> acknowledgedStates = new ArrayList<>();
        try {
            GlenDB db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.INTERVAL)
                    .walSegmentBytes(16 * 1024).build());
            List<Future<Integer>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Map<String, Value> state = new HashMap<>();
                acknowledgedStates.add(state);
                int writer = w;
                futures.add(pool.submit(() -> {
                    Random random = new Random(writer);
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    int seq = 0;
                    try {
                        while (true) {
                            String key = "w" + writer + "-k" + random.nextInt(5);
                            seq++;
                            if (random.nextInt(4) == 0) {
                                if (db.delete("owned", key)) {
                                    state.remove(key);
                                }
                            } else {
                                Value value = payload(key, writer, seq);
                                db.putMany("owned", Map.of(key, value));
                                state.put(key, value);
                            }
                            if (seq == 50) {
                                warmedUp.countDown();
                            }
                        }
                    } catch (GlenClosedException expected) {
                        return seq;
                    }
                }));
            }
            Future<Integer> compactor = pool.submit(() -> {
                start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                int compactions = 0;
                try {
                    while (true) {
                        db.admin().compact();
                        compactions++;
                    }
                } catch (GlenClosedException expected) {
                    return compactions;
                }
            });
            start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(warmedUp.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

            db.close();

            for (Future<Integer> f : futures) {
                assertThat(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("writer stopped by GlenClosedException")
                        .isGreaterThanOrEqualTo(50);
            }
            compactor.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(db.admin().walFailure()).as("close did not poison the log").isNull();

            Map<String, Value> expected = new HashMap<>();
            acknowledgedStates.forEach(expected::putAll);
            try (GlenDB reopened = GlenDB.open(dir)) {
                assertThat(reopened.getAll("owned")).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }
}
