package io.glen.engine.crash;

import io.glen.engine.GlenDB;
import io.glen.engine.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The deterministic write workload shared by the crashing child ({@link CrashWorkload}) and the
 * verifying parent: step {@code seq} of thread {@code t} is always the same call with the same
 * values, so the parent can rebuild the exact state that any prefix of steps produces.
 *
 * <p>Each thread owns the keys {@code t<t>-...} of {@link #DOCS} and {@code counter-<t>} of
 * {@link #COUNTERS}; its steps cycle through (by {@code seq % 8}):
 * <pre>
 *   0, 1, 2, 4  put        docs/t&lt;t&gt;-&lt;seq&gt;
 *   3           putMany    docs/t&lt;t&gt;-&lt;seq&gt;, t&lt;t&gt;-&lt;seq&gt;-b1 .. -b(n-1)   (n = 2..5, all-or-nothing)
 *   5           put        counters/counter-&lt;t&gt; = seq                 (overwrite)
 *   6           put        docs/t&lt;t&gt;-&lt;seq-6&gt; with rev = seq              (overwrite)
 *   7           even rounds: deleteMany of the batch of seq-4 plus every doc of the steps that fell
 *               out of the {@link #GC_WINDOW} (bounds the live set in long runs);
 *               odd rounds: delete docs/t&lt;t&gt;-&lt;seq-5&gt;
 * </pre>
 * Every document value carries the step that wrote it ({@code rev}) so a recovered document tells
 * which step it came from.
 */
final class Workload {

    static final String DOCS = "docs";
    static final String COUNTERS = "counters";
    /** Steps after which a thread's documents are deleted again; a multiple of 16. */
    static final int GC_WINDOW = 512;

    enum Kind { PUT, BATCH, COUNTER, OVERWRITE, DELETE_BATCH, DELETE_ONE }

    /**
     * One call: puts into {@code collection} (one put, or a putMany when {@link Kind#BATCH}) or
     * deletes from {@link #DOCS}.
     */
    record Step(int thread, long seq, Kind kind, String collection, Map<String, Value> puts, List<String> deletes) {
    }

    private Workload() {
    }

    static String key(int t, long seq) {
        return "t" + t + "-" + seq;
    }

    static String batchKey(int t, long seq, int i) {
        return i == 0 ? key(t, seq) : key(t, seq) + "-b" + i;
    }

    static String counterKey(int t) {
        return "counter-" + t;
    }

    static Kind kind(long seq) {
        switch ((int) (seq % 8)) {
            case 3:
                return Kind.BATCH;
            case 5:
                return Kind.COUNTER;
            case 6:
                return Kind.OVERWRITE;
            case 7:
                return (seq / 8) % 2 == 0 ? Kind.DELETE_BATCH : Kind.DELETE_ONE;
            default:
                return Kind.PUT;
        }
    }

    static int batchSize(long seq) {
        return 2 + (int) ((seq / 8) % 4);
    }

    static Step step(int t, long seq) {
        Kind kind = kind(seq);
        switch (kind) {
            case PUT:
                return new Step(t, seq, kind, DOCS, Map.of(key(t, seq), docValue(t, seq, 0, seq)), List.of());
            case BATCH: {
                Map<String, Value> docs = new LinkedHashMap<>();
                for (int i = 0; i < batchSize(seq); i++) {
                    docs.put(batchKey(t, seq, i), docValue(t, seq, i, seq));
                }
                return new Step(t, seq, kind, DOCS, Collections.unmodifiableMap(docs), List.of());
            }
            case COUNTER:
                return new Step(t, seq, kind, COUNTERS, Map.of(counterKey(t), counterValue(t, seq)), List.of());
            case OVERWRITE:
                return new Step(t, seq, kind, DOCS, Map.of(key(t, seq - 6), docValue(t, seq - 6, 0, seq)), List.of());
            case DELETE_BATCH: {
                List<String> doomed = new ArrayList<>(keysWrittenBy(t, seq - 4));
                long from = seq - 7 - GC_WINDOW - 16;
                if (from >= 0) {
                    for (long u = from; u < from + 16; u++) {
                        doomed.addAll(keysWrittenBy(t, u));
                    }
                }
                return new Step(t, seq, kind, DOCS, Map.of(), List.copyOf(doomed));
            }
            case DELETE_ONE:
                return new Step(t, seq, kind, DOCS, Map.of(), List.of(key(t, seq - 5)));
            default:
                throw new AssertionError(kind);
        }
    }

    /** The document keys a step puts (not deletes). */
    static List<String> keysWrittenBy(int t, long seq) {
        switch (kind(seq)) {
            case PUT:
                return List.of(key(t, seq));
            case BATCH: {
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < batchSize(seq); i++) {
                    keys.add(batchKey(t, seq, i));
                }
                return keys;
            }
            case OVERWRITE:
                return List.of(key(t, seq - 6));
            default:
                return List.of();
        }
    }

    static Value docValue(int t, long seq, int index, long rev) {
        int padLength = 8 + (int) Math.floorMod(mix(t, seq, index, rev), 180L);
        StringBuilder pad = new StringBuilder(padLength);
        for (int i = 0; i < padLength; i++) {
            pad.append((char) ('a' + (int) Math.floorMod(seq * 31 + rev * 7 + i + t, 26L)));
        }
        return Value.object()
                .put("t", t)
                .put("seq", seq)
                .put("i", index)
                .put("rev", rev)
                .put("pad", pad.toString())
                .put("tags", Value.array(Value.of(seq % 10), Value.of("k" + (rev % 7)), Value.of(rev % 3 == 0)))
                .put("blob", Value.of(("b" + t + ":" + rev).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    static Value counterValue(int t, long seq) {
        return Value.object().put("t", t).put("seq", seq).build();
    }

    private static long mix(long a, long b, long c, long d) {
        long h = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL ^ c * 0x165667B19E3779F9L ^ d * 0x27D4EB2F165667C5L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    /** Performs a step against the database (in the child). */
    static void execute(GlenDB db, Step step) {
        switch (step.kind()) {
            case PUT:
            case COUNTER:
            case OVERWRITE: {
                Map.Entry<String, Value> only = step.puts().entrySet().iterator().next();
                db.put(step.collection(), only.getKey(), only.getValue());
                break;
            }
            case BATCH:
                db.putMany(step.collection(), step.puts());
                break;
            case DELETE_BATCH:
                db.deleteMany(DOCS, step.deletes());
                break;
            case DELETE_ONE:
                db.delete(DOCS, step.deletes().get(0));
                break;
            default:
                throw new AssertionError(step.kind());
        }
    }

    /**
     * The state a thread's steps {@code 0..k} produce: its documents and its counter. Starts at
     * {@code k = -1} (nothing written).
     */
    static final class ThreadModel {
        final int thread;
        long k = -1;
        final Map<String, Value> docs;
        @Nullable Value counter;

        ThreadModel(int thread) {
            this(thread, new HashMap<>(), null, -1);
        }

        private ThreadModel(int thread, Map<String, Value> docs, @Nullable Value counter, long k) {
            this.thread = thread;
            this.docs = docs;
            this.counter = counter;
            this.k = k;
        }

        ThreadModel copy() {
            return new ThreadModel(thread, new HashMap<>(docs), counter, k);
        }

        /** Applies the steps up to and including {@code target}. */
        void advanceTo(long target) {
            while (k < target) {
                apply(step(thread, k + 1));
            }
        }

        void apply(Step step) {
            if (step.seq() != k + 1) {
                throw new IllegalStateException("step " + step.seq() + " applied after " + k);
            }
            if (step.collection().equals(COUNTERS)) {
                counter = step.puts().get(counterKey(thread));
            } else {
                docs.putAll(step.puts());
                for (String id : step.deletes()) {
                    docs.remove(id);
                }
            }
            k = step.seq();
        }
    }
}
