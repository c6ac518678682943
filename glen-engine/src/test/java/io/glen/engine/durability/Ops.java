package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scripted workload operations. Every state-changing operation the generator emits produces
 * exactly one WAL record (one LSN): deletes only name documents that exist, batches are never
 * empty. So on a fresh database the state after {@code k} state operations is the state at LSN
 * {@code k}.
 */
final class Ops {

    private Ops() {
    }

    sealed interface Op permits Put, PutMany, Delete, DeleteMany, Compact, Snapshot {
        default boolean changesState() {
            return !(this instanceof Compact || this instanceof Snapshot);
        }
    }

    record Put(String collection, String id, Value value) implements Op {
    }

    record PutMany(String collection, Map<String, Value> documents) implements Op {
    }

    record Delete(String collection, String id) implements Op {
    }

    record DeleteMany(String collection, List<String> ids) implements Op {
    }

    record Compact() implements Op {
    }

    record Snapshot() implements Op {
    }

    static final String[] COLLECTIONS = {"users", "orders", "events.log"};

    /**
     * Runs one operation against the database and checks its result against {@code model} (the
     * state before it); does not change the model.
     */
    static void execute(GlenDB db, Op op, Model model) {
        long expectedLsn = model.lsn + 1;
        if (op instanceof Put p) {
            assertThat(db.put(p.collection(), p.id(), p.value())).isEqualTo(expectedLsn);
        } else if (op instanceof PutMany p) {
            assertThat(db.putMany(p.collection(), p.documents())).isEqualTo(expectedLsn);
        } else if (op instanceof Delete d) {
            assertThat(db.delete(d.collection(), d.id())).isTrue();
        } else if (op instanceof DeleteMany d) {
            int present = 0;
            for (String id : new java.util.LinkedHashSet<>(d.ids())) {
                if (model.contains(d.collection(), id)) {
                    present++;
                }
            }
            assertThat(db.deleteMany(d.collection(), d.ids())).isEqualTo(present);
        } else if (op instanceof Compact) {
            db.admin().compact();
        } else {
            db.admin().snapshotAll();
        }
    }

    /** Generates state operations against (a copy of) {@code start}. */
    static final class Generator {
        private final Random random;
        private final Model model;
        private final String tag;
        private int seq;
        private boolean smallValues;

        Generator(long seed, Model start, String tag) {
            this.random = new Random(seed);
            this.model = start.copy();
            this.tag = tag;
        }

        Model model() {
            return model;
        }

        /** Keeps every value small (no padding over 120 characters). */
        Generator smallValues() {
            this.smallValues = true;
            return this;
        }

        /** The next state-changing operation, applied to the generator's model. */
        Op next() {
            String collection = COLLECTIONS[random.nextInt(COLLECTIONS.length)];
            List<String> existing = new ArrayList<>(model.docs(collection).keySet());
            int dice = random.nextInt(100);
            Op op;
            if (dice < 35 || existing.size() < 3) {
                op = new Put(collection, tag + "-" + (seq + 1), value());
            } else if (dice < 60) {
                op = new Put(collection, existing.get(random.nextInt(existing.size())), value());
            } else if (dice < 72) {
                op = new Delete(collection, existing.get(random.nextInt(existing.size())));
            } else if (dice < 92) {
                Map<String, Value> docs = new LinkedHashMap<>();
                int n = 2 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    String id = random.nextBoolean() ? existing.get(random.nextInt(existing.size()))
                            : tag + "-" + (seq + 1) + "." + i;
                    docs.put(id, value());
                }
                op = new PutMany(collection, docs);
            } else {
                List<String> ids = new ArrayList<>();
                ids.add(existing.get(random.nextInt(existing.size())));
                ids.add(existing.get(random.nextInt(existing.size())));
                ids.add("never-" + seq);
                op = new DeleteMany(collection, ids);
            }
            seq++;
            model.apply(op);
            return op;
        }

        private Value value() {
            int padding = !smallValues && random.nextInt(10) == 0 ? 600 + random.nextInt(1200) : random.nextInt(120);
            StringBuilder text = new StringBuilder(padding);
            for (int i = 0; i < padding; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            return Value.object()
                    .put("seq", seq)
                    .put("tag", tag)
                    .put("score", random.nextInt(1_000_000) / 100.0)
                    .put("active", random.nextBoolean())
                    .put("text", text.toString())
                    .put("nested", Value.object().put("n", random.nextLong()).build())
                    .build();
        }
    }

    /**
     * The standard script: {@code stateOps} state-changing operations with a compaction at a
     * third, a snapshot of every collection at a half, and another compaction at three quarters.
     */
    static List<Op> script(long seed, int stateOps) {
        Generator generator = new Generator(seed, new Model(), "d");
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < stateOps; i++) {
            if (i == stateOps / 3 || i == stateOps * 3 / 4) {
                ops.add(new Compact());
            }
            if (i == stateOps / 2) {
                ops.add(new Snapshot());
            }
            ops.add(generator.next());
        }
        return List.copyOf(ops);
    }

    /** The model after each prefix of the script's state operations: index k = after k of them. */
    static List<Model> prefixStates(Model start, List<Op> ops) {
        List<Model> states = new ArrayList<>();
        Model model = start.copy();
        states.add(model.copy());
        for (Op op : ops) {
            if (op.changesState()) {
                model.apply(op);
                states.add(model.copy());
            }
        }
        return states;
    }
}
