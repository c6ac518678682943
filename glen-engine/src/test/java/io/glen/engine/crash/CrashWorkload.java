package io.glen.engine.crash;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.GlenStorageException;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The program that the crash tests run in a child JVM and kill with SIGKILL.
 *
 * <pre>
 *   write &lt;dir&gt; &lt;ALWAYS|INTERVAL|NONE&gt; &lt;start0,start1,...&gt; &lt;compactPauseMillis or -1&gt;
 *   hold  &lt;dir&gt; &lt;doubleOpen: true|false&gt;
 * </pre>
 *
 * <p>{@code write} opens the database, then runs one writer thread per start sequence number:
 * thread {@code t} performs {@link Workload#step} {@code start_t, start_t + 1, ...} and, only
 * after each call has returned, prints {@code ACK t seq}. An optional thread compacts (and every
 * third time only snapshots) with a short pause in between, printing {@code CSTART n} before and
 * {@code CEND n} after. Every line ends with {@code " #"} and is written with one unbuffered
 * {@code write} system call, so a line cut short by the kill is recognised by its missing
 * {@code #}.
 *
 * <p>{@code hold} opens the database, writes {@code lock/held}, optionally tries a second open in
 * the same JVM (which must fail), prints {@code READY} and waits to be killed.
 *
 * <p>The child ends itself when its standard input reaches end of file (the parent died) or after
 * {@link #MAX_LIFETIME}, so that a broken test run never leaves it behind.
 */
public final class CrashWorkload {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    static final long SEGMENT_BYTES = 64 * 1024;

    /** One write system call per print: PrintStream without a BufferedOutputStream underneath. */
    private static final PrintStream OUT =
            new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

    private CrashWorkload() {
    }

    /**
     * The options both the child and the verifying parent open the database with. {@code NONE}
     * runs with plain {@code write} calls ({@code walMemoryMapped(false)}), the other modes with the
     * default memory-mapped WAL: under kill -9 the modes differ only in forces, which a process
     * crash does not care about, so this covers both ways of writing the WAL without more runs.
     */
    static GlenOptions options(WalSyncMode mode) {
        return GlenOptions.builder()
                .walSync(mode)
                .walMemoryMapped(mode != WalSyncMode.NONE)
                .walSegmentBytes(SEGMENT_BYTES)
                .walFlushEveryBytes(16 * 1024)
                .walFlushInterval(Duration.ofMillis(5))
                .cacheCapacityBytes(1 << 20)
                .build();
    }

    public static void main(String[] args) throws Exception {
        startWatchdogs();
        try {
            switch (args[0]) {
                case "write":
                    write(Path.of(args[1]), WalSyncMode.valueOf(args[2]), parseStarts(args[3]), Long.parseLong(args[4]));
                    break;
                case "hold":
                    hold(Path.of(args[1]), Boolean.parseBoolean(args[2]));
                    break;
                case "bank":
                    bank(Path.of(args[1]), WalSyncMode.valueOf(args[2]), Integer.parseInt(args[3]));
                    break;
                default:
                    throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (Throwable e) {
            fail("main", e);
        }
    }

    private static long[] parseStarts(String csv) {
        String[] parts = csv.split(",");
        long[] starts = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            starts[i] = Long.parseLong(parts[i]);
        }
        return starts;
    }

    private static void write(Path dir, WalSyncMode mode, long[] starts, long compactPauseMillis) throws Exception {
        emit("OPENING");
        GlenDB db = GlenDB.open(dir, options(mode));
        emit("READY");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < starts.length; t++) {
            int thread = t;
            long start = starts[t];
            threads.add(new Thread(() -> {
                try {
                    for (long seq = start; ; seq++) {
                        Workload.execute(db, Workload.step(thread, seq));
                        emit("ACK " + thread + " " + seq);
                    }
                } catch (Throwable e) {
                    fail("writer " + thread, e);
                }
            }, "writer-" + t));
        }
        if (compactPauseMillis >= 0) {
            threads.add(new Thread(() -> {
                try {
                    for (long n = 0; ; n++) {
                        Thread.sleep(compactPauseMillis); // pacing of the workload, not synchronization
                        emit("CSTART " + n);
                        if (n % 3 == 2) {
                            db.admin().snapshotAll();
                        } else {
                            db.admin().compact();
                        }
                        emit("CEND " + n);
                    }
                } catch (Throwable e) {
                    fail("compactor", e);
                }
            }, "compactor"));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Accounts in the bank workload. */
    static final int BANK_ACCOUNTS = 10;
    /** Every account's opening balance. */
    static final long BANK_OPENING = 1_000;

    /**
     * Transfers between accounts in transactions, each also writing a ledger entry
     * {@code t<thread>-<n>}; prints {@code ACK thread n} after each commit.
     */
    private static void bank(Path dir, WalSyncMode mode, int threadCount) throws Exception {
        emit("OPENING");
        GlenDB db = GlenDB.open(dir, options(mode));
        if (db.count("accounts") == 0) {
            java.util.Map<String, Value> accounts = new java.util.LinkedHashMap<>();
            for (int a = 0; a < BANK_ACCOUNTS; a++) {
                accounts.put("a" + a, Value.of(BANK_OPENING));
            }
            db.putMany("accounts", accounts);
        }
        emit("READY");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            long first = db.count("ledger") + 1_000_000L * (t + 1);
            threads.add(new Thread(() -> {
                java.util.Random random = new java.util.Random(thread);
                try {
                    for (long n = first; ; n++) {
                        long entry = n;
                        int from = random.nextInt(BANK_ACCOUNTS);
                        int to = (from + 1 + random.nextInt(BANK_ACCOUNTS - 1)) % BANK_ACCOUNTS;
                        long amount = 1 + random.nextInt(20);
                        db.inTransaction(txn -> {
                            long a = txn.get("accounts", "a" + from).asLong();
                            long b = txn.get("accounts", "a" + to).asLong();
                            txn.put("accounts", "a" + from, Value.of(a - amount));
                            txn.put("accounts", "a" + to, Value.of(b + amount));
                            txn.put("ledger", "t" + thread + "-" + entry, Value.of(amount));
                            return null;
                        }, 1000);
                        emit("ACK " + thread + " " + entry);
                    }
                } catch (Throwable e) {
                    fail("bank " + thread, e);
                }
            }, "bank-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void hold(Path dir, boolean doubleOpen) throws Exception {
        emit("OPENING");
        GlenDB db = GlenDB.open(dir, options(WalSyncMode.ALWAYS));
        db.put("lock", "held", Value.of(1));
        if (doubleOpen) {
            try {
                GlenDB second = GlenDB.open(dir, options(WalSyncMode.ALWAYS));
                emit("SECOND_OPEN_SUCCEEDED " + second);
            } catch (GlenStorageException expected) {
                emit("SECOND_OPEN_REFUSED " + expected.getMessage().replace('\n', ' '));
            }
        }
        emit("READY");
        // Held open until the parent kills this process (or its stdin closes).
        Thread.sleep(MAX_LIFETIME.toMillis());
    }

    static void emit(String line) {
        OUT.print(line + " #\n");
        OUT.flush();
    }

    static void fail(String who, Throwable e) {
        emit("ERROR " + who + ": " + e.toString().replace('\n', ' '));
        System.err.println("ERROR in " + who);
        e.printStackTrace();
        System.err.flush();
        Runtime.getRuntime().halt(2);
    }

    static void startWatchdogs() {
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The parent never writes; end of file means it is gone.
                }
            } catch (IOException ignored) {
                // Same as end of file.
            }
            Runtime.getRuntime().halt(3);
        }, "stdin-watchdog");
        stdin.setDaemon(true);
        stdin.start();
        Thread lifetime = new Thread(() -> {
            try {
                Thread.sleep(MAX_LIFETIME.toMillis());
            } catch (InterruptedException ignored) {
                return;
            }
            System.err.println("crash workload ran longer than " + MAX_LIFETIME + " without being killed");
            System.err.flush();
            Runtime.getRuntime().halt(4);
        }, "lifetime-watchdog");
        lifetime.setDaemon(true);
        lifetime.start();
    }
}
