package io.glen.engine.tools;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenException;
import io.glen.engine.GlenStats;
import io.glen.engine.WalSyncMode;
import io.glen.engine.internal.snapshot.SnapshotFile;
import io.glen.engine.value.Value;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Operates a Glen data directory from the command line:
 *
 * <pre>
 * glen [--dir DIR] stats | collections | verify | compact | snapshot
 * glen [--dir DIR] get COLLECTION ID | dump COLLECTION [LIMIT] | backup TARGET | demo [COUNT]
 * </pre>
 *
 * The directory defaults to {@code ./glen-data}. Opening the database verifies every snapshot and
 * the whole WAL, so {@code verify} reports damage with the file and offset.
 */
public final class GlenCli {

    /** The default data directory. */
    public static final Path DEFAULT_DIR = Path.of("glen-data");

    private final PrintStream out;

    /** A CLI printing to {@code out}. */
    public GlenCli(PrintStream out) {
        this.out = out;
    }

    /** Entry point; exits with 0 on success, 1 on a database error, 2 on a usage error. */
    public static void main(String[] args) {
        int code = new GlenCli(System.out).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command; returns the exit code. */
    public int run(String... args) {
        Path dir = DEFAULT_DIR;
        List<String> rest = Arrays.asList(args);
        if (rest.size() >= 2 && rest.get(0).equals("--dir")) {
            dir = Path.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty()) {
            return usage("no command given");
        }
        String command = rest.get(0);
        List<String> params = rest.subList(1, rest.size());
        try {
            return execute(dir, command, params);
        } catch (GlenException | IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        }
    }

    private int execute(Path dir, String command, List<String> params) {
        switch (command) {
            case "stats", "collections", "verify", "compact", "snapshot":
                if (!params.isEmpty()) {
                    return usage(command + " takes no arguments");
                }
                break;
            case "get":
                if (params.size() != 2) {
                    return usage("get needs COLLECTION ID");
                }
                break;
            case "dump":
                if (params.isEmpty() || params.size() > 2) {
                    return usage("dump needs COLLECTION [LIMIT]");
                }
                break;
            case "backup":
                if (params.size() != 1) {
                    return usage("backup needs TARGET");
                }
                break;
            case "demo":
                if (params.size() > 1) {
                    return usage("demo takes at most COUNT");
                }
                break;
            default:
                return usage("unknown command '" + command + "'");
        }
        try (GlenDB db = GlenDB.open(dir)) {
            switch (command) {
                case "stats" -> {
                    printStats(db.stats());
                    printSnapshotsOnDisk(db.directory());
                }
                case "collections" -> db.collections().forEach(c -> out.println(c + "\t" + db.count(c)));
                case "verify" -> out.println("ok: " + db.collections().size() + " collections, "
                        + db.stats().recoveredRecords() + " WAL records replayed, "
                        + db.stats().recoveryTruncatedBytes() + " torn-tail bytes cut");
                case "compact" -> out.println("compacted up to LSN " + db.admin().compact()
                        + "; WAL is now " + db.admin().walTotalSize() + " bytes");
                case "snapshot" -> out.println("snapshots cover LSN " + db.admin().snapshotAll());
                case "get" -> {
                    Document doc = db.getDocument(params.get(0), params.get(1));
                    out.println(doc == null ? "(absent)" : "v" + doc.version() + "\t" + doc.value());
                }
                case "dump" -> dump(db, params.get(0), params.size() > 1 ? parseCount(params.get(1)) : Long.MAX_VALUE);
                case "backup" -> {
                    db.admin().backup(Path.of(params.get(0)));
                    out.println("backup written to " + params.get(0));
                }
                case "demo" -> demo(db, params.isEmpty() ? 1000 : parseCount(params.get(0)));
                default -> throw new IllegalStateException(command);
            }
        }
        return 0;
    }

    private void dump(GlenDB db, String collection, long limit) {
        try (Stream<Document> docs = db.stream(collection)) {
            docs.sorted(Comparator.comparing(Document::id)).limit(limit)
                    .forEach(d -> out.println(d.id() + "\tv" + d.version() + "\t" + d.value()));
        }
    }

    private void demo(GlenDB db, long count) {
        String[] cities = {"Lisbon", "Oslo", "Kyoto", "Quito", "Nairobi", "Perth"};
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            db.put("sensors", "sensor-" + i, Value.object()
                    .put("city", cities[(int) (i % cities.length)])
                    .put("celsius", Math.round(150 + 100 * Math.sin(i)) / 10.0)
                    .put("online", i % 7 != 0)
                    .put("tags", Value.array(Value.of("demo"), Value.of("batch-" + (i / 100))))
                    .build());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("wrote %d documents to 'sensors' in %.3f s under %s%n", count, seconds, db.stats().walSync());
        out.println("sensor-1 = " + db.get("sensors", "sensor-1"));
        printStats(db.stats());
    }

    private void printStats(GlenStats stats) {
        out.println("collections: " + stats.documentCounts());
        out.println("lsn: " + stats.lsn() + " (durable " + stats.durableLsn() + ": forced to disk, so it survives a "
                + "power loss; writes above it survive a crash of the process" + (stats.walSync() == WalSyncMode.ALWAYS
                ? ")" : ", and a power loss only once forced)"));
        out.println("wal: " + stats.walBytes() + " bytes in " + stats.walSegments() + " segment(s), sync "
                + stats.walSync() + ", " + stats.walSyncs() + " forces");
        out.println("last snapshot: " + (stats.lastSnapshotAt() == null ? "never" : stats.lastSnapshotAt()
                + " at LSN " + stats.lastSnapshotLsn()));
        out.println("cache: " + stats.cache());
    }

    /** The snapshots in the directory, whoever wrote them, with the LSN each covers. */
    private void printSnapshotsOnDisk(Path dir) {
        try {
            listSnapshots(dir);
        } catch (IOException e) {
            out.println("snapshots on disk: cannot list " + dir + ": " + e.getMessage());
        }
    }

    private void listSnapshots(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> SnapshotFile.collectionOf(n) != null).sorted()
                    .forEach(names::add);
        }
        if (names.isEmpty()) {
            out.println("snapshots on disk: none (everything is in the WAL)");
            return;
        }
        out.println("snapshots on disk:");
        for (String name : names) {
            Path path = dir.resolve(name);
            byte[] header = new byte[SnapshotFile.HEADER_SIZE];
            String description;
            try (java.io.InputStream in = Files.newInputStream(path)) {
                String[] problem = new String[1];
                SnapshotFile.Header h = in.readNBytes(header, 0, header.length) == header.length
                        ? SnapshotFile.decodeHeader(header, problem) : null;
                description = h == null ? "damaged header" : h.docCount() + " documents, covers LSN " + h.coveredLsn();
            }
            out.println("  " + SnapshotFile.collectionOf(name) + ": " + description + ", " + Files.size(path) + " bytes, "
                    + Files.getLastModifiedTime(path));
        }
    }

    private static long parseCount(String text) {
        try {
            long n = Long.parseLong(text);
            if (n < 0) {
                throw new IllegalArgumentException("count must not be negative: " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }

    private int usage(String problem) {
        out.println("error: " + problem);
        out.println("usage: glen [--dir DIR] stats | collections | verify | compact | snapshot");
        out.println("       glen [--dir DIR] get COLLECTION ID | dump COLLECTION [LIMIT] | backup TARGET | demo [COUNT]");
        out.println("DIR defaults to ./glen-data");
        return 2;
    }
}
