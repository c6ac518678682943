package io.glen.engine.crash;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The child program of {@link KillNineVersionTest}: writers and readers race on a small set of
 * documents until the parent kills the process.
 *
 * <pre>
 *   &lt;dir&gt; &lt;ALWAYS|INTERVAL|NONE&gt; &lt;cycle&gt; &lt;writers&gt; &lt;readers&gt;
 * </pre>
 *
 * <p>Every write stores {@code {t: token}} with a token unique to that write ({@code
 * c<cycle>-w<writer>-<seq>}; the documents of one batch share it): single puts, three-document
 * {@code putMany} batches and read-modify-write transactions across both collections. Readers
 * read random documents and print {@code OBS <collection> <id> <version> <token>} whenever a
 * document shows them a version they have not printed for it; writers print the same line for
 * every document they wrote once the call returned. A thread compacts every 20 ms, so kills also
 * land in snapshot cuts. Lines end with {@code " #"} (see {@link CrashWorkload#emit}).
 */
public final class VersionWorkload {

    static final String[] COLLECTIONS = {"va", "vb"};
    static final int IDS = 16;

    private VersionWorkload() {
    }

    static String id(int i) {
        return "d" + i;
    }

    public static void main(String[] args) {
        CrashWorkload.startWatchdogs();
        try {
            run(Path.of(args[0]), WalSyncMode.valueOf(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
        } catch (Throwable e) {
            CrashWorkload.fail("main", e);
        }
    }

    private static void run(Path dir, WalSyncMode mode, int cycle, int writers, int readers) throws Exception {
        CrashWorkload.emit("OPENING");
        GlenDB db = GlenDB.open(dir, CrashWorkload.options(mode));
        CrashWorkload.emit("READY");
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(new Thread(() -> {
                try {
                    write(db, cycle, writer);
                } catch (Throwable e) {
                    CrashWorkload.fail("writer " + writer, e);
                }
            }, "writer-" + w));
        }
        for (int r = 0; r < readers; r++) {
            int reader = r;
            threads.add(new Thread(() -> {
                try {
                    read(db, reader);
                } catch (Throwable e) {
                    CrashWorkload.fail("reader " + reader, e);
                }
            }, "reader-" + r));
        }
        threads.add(new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(20); // pacing of the workload, not synchronization
                    db.admin().compact();
                }
            } catch (Throwable e) {
                CrashWorkload.fail("compactor", e);
            }
        }, "compactor"));
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void write(GlenDB db, int cycle, int writer) {
        SplittableRandom random = new SplittableRandom(cycle * 1000L + writer);
        for (long seq = 0; ; seq++) {
            String token = "c" + cycle + "-w" + writer + "-" + seq;
            Value value = Value.object().put("t", token).build();
            String collection = COLLECTIONS[random.nextInt(COLLECTIONS.length)];
            int kind = random.nextInt(10);
            if (kind < 6) {
                String id = id(random.nextInt(IDS));
                observed(collection, id, db.put(collection, id, value), token);
            } else if (kind < 8) {
                Map<String, Value> batch = new LinkedHashMap<>();
                while (batch.size() < 3) {
                    batch.put(id(random.nextInt(IDS)), value);
                }
                long version = db.putMany(collection, batch);
                batch.keySet().forEach(id -> observed(collection, id, version, token));
            } else {
                String a = id(random.nextInt(IDS));
                String b = id(random.nextInt(IDS));
                db.inTransaction(txn -> {
                    txn.get(COLLECTIONS[0], a);
                    txn.get(COLLECTIONS[1], b);
                    txn.put(COLLECTIONS[0], a, value);
                    txn.put(COLLECTIONS[1], b, value);
                    return 0L;
                }, 10_000);
                // The transaction's version is what a reader sees on either document now or later.
                Document doc = db.getDocument(COLLECTIONS[0], a);
                if (doc != null) {
                    observed(COLLECTIONS[0], a, doc.version(), doc.value().get("t").asString());
                }
            }
        }
    }

    private static void read(GlenDB db, int reader) {
        SplittableRandom random = new SplittableRandom(7919L * (reader + 1));
        long[][] printed = new long[COLLECTIONS.length][IDS];
        while (true) {
            int c = random.nextInt(COLLECTIONS.length);
            int i = random.nextInt(IDS);
            Document doc = db.getDocument(COLLECTIONS[c], id(i));
            if (doc != null && doc.version() != printed[c][i]) {
                printed[c][i] = doc.version();
                observed(COLLECTIONS[c], id(i), doc.version(), doc.value().get("t").asString());
            }
        }
    }

    private static void observed(String collection, String id, long version, String token) {
        CrashWorkload.emit("OBS " + collection + " " + id + " " + version + " " + token);
    }
}
