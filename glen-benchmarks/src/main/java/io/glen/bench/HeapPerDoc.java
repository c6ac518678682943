package io.glen.bench;

import io.glen.bench.store.BenchStore;
import io.glen.bench.store.Stores;
import io.glen.engine.value.ValueCodec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Heap bytes per document: in a fresh JVM per store (run.sh starts one each), open the store
 * empty, measure the used heap after full GCs, load {@code docs} documents and read each of them
 * once, measure again after full GCs while the store is still open and reachable, and divide the
 * difference by {@code docs}. The read pass fills what a store fills on reads (Glen's value cache,
 * which writes do not populate, and MVStore's and Nitrite's page caches), each up to its own
 * configured budget, so the figure is that of a database in use, not one only written. The
 * generated documents are not retained by the benchmark, so the difference is what the store
 * keeps. Off-heap and file-backed memory (Chronicle Map, MapDB's mmap, MVStore's file beyond its
 * page cache) is not heap and is not counted: those numbers are not the stores' total footprint.
 *
 * <p>Usage: {@code HeapPerDoc STORE DOCS OUTPUT.json}
 */
public final class HeapPerDoc {

    private HeapPerDoc() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String store = args[0];
        int docs = Integer.parseInt(args[1]);
        Path output = Path.of(args[2]);
        double glenEncoded = 0;
        double codecEncoded = 0;
        int sample = Math.min(docs, 10_000);
        for (int i = 0; i < sample; i++) {
            Doc d = Doc.generate(i, docs);
            glenEncoded += ValueCodec.encode(d.toValue(), Integer.MAX_VALUE).length;
            codecEncoded += DocCodec.encode(d).length;
        }
        glenEncoded /= sample;
        codecEncoded /= sample;

        Path dir = BenchDirs.create("heap-" + store);
        try {
            // The baseline is taken with the store already open (empty): class loading, Chronicle's
            // generated code and fixed-size structures are not charged to the documents.
            BenchStore s = Stores.openForHeap(store, dir, docs * 2L);
            long before = usedAfterGc();
            long start = System.nanoTime();
            s.load(docs);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < docs; i++) {
                if (s.get(i, Keys.key(i)) == null) {
                    throw new IllegalStateException(store + " lost document " + i);
                }
            }
            long after = usedAfterGc();
            if (s.size() != docs) {
                throw new IllegalStateException(store + " holds " + s.size() + " documents, expected " + docs);
            }
            double perDoc = (after - before) / (double) docs;
            s.close();
            String json = String.format(Locale.ROOT,
                    "{\"store\":\"%s\",\"docs\":%d,\"heapBytesPerDoc\":%.1f,\"glenEncodedBytesPerDoc\":%.1f,"
                            + "\"codecBytesPerDoc\":%.1f,\"loadSeconds\":%.2f}%n",
                    store, docs, perDoc, glenEncoded, codecEncoded, loadSeconds);
            Files.writeString(output, json);
            System.out.print(json);
        } finally {
            BenchDirs.delete(dir);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
