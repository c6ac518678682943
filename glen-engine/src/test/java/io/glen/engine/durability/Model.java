package io.glen.engine.durability;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.value.Value;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The expected content of a database: collection -> document id -> (version, value), where a
 * version is the LSN of the write that produced it. Empty collections are not represented (a
 * database may list a collection whose documents were all deleted). Keeps an order-independent
 * fingerprint up to date so that a recovered state can be matched against thousands of candidate
 * prefixes cheaply.
 */
final class Model {

    record Doc(long version, Value value) {
    }

    private final TreeMap<String, TreeMap<String, Doc>> data = new TreeMap<>();
    /** The LSN the last applied operation got. */
    long lsn;
    private long fingerprint;

    Model() {
    }

    Model copy() {
        Model copy = new Model();
        data.forEach((c, docs) -> copy.data.put(c, new TreeMap<>(docs)));
        copy.lsn = lsn;
        copy.fingerprint = fingerprint;
        return copy;
    }

    long fingerprint() {
        return fingerprint;
    }

    Map<String, TreeMap<String, Doc>> data() {
        return data;
    }

    boolean contains(String collection, String id) {
        TreeMap<String, Doc> docs = data.get(collection);
        return docs != null && docs.containsKey(id);
    }

    TreeMap<String, Doc> docs(String collection) {
        return data.getOrDefault(collection, new TreeMap<>());
    }

    int size() {
        int n = 0;
        for (TreeMap<String, Doc> docs : data.values()) {
            n += docs.size();
        }
        return n;
    }

    void put(String collection, String id, long version, Value value) {
        TreeMap<String, Doc> docs = data.computeIfAbsent(collection, c -> new TreeMap<>());
        Doc old = docs.put(id, new Doc(version, value));
        if (old != null) {
            fingerprint -= hash(collection, id, old);
        }
        fingerprint += hash(collection, id, docs.get(id));
    }

    boolean remove(String collection, String id) {
        TreeMap<String, Doc> docs = data.get(collection);
        if (docs == null) {
            return false;
        }
        Doc old = docs.remove(id);
        if (old == null) {
            return false;
        }
        fingerprint -= hash(collection, id, old);
        if (docs.isEmpty()) {
            data.remove(collection);
        }
        return true;
    }

    /** Applies a state-changing operation with the next LSN. */
    void apply(Ops.Op op) {
        apply(op, lsn + 1);
    }

    void apply(Ops.Op op, long newLsn) {
        if (!op.changesState()) {
            return;
        }
        lsn = newLsn;
        if (op instanceof Ops.Put p) {
            put(p.collection(), p.id(), newLsn, p.value());
        } else if (op instanceof Ops.PutMany p) {
            p.documents().forEach((id, v) -> put(p.collection(), id, newLsn, v));
        } else if (op instanceof Ops.Delete d) {
            remove(d.collection(), d.id());
        } else if (op instanceof Ops.DeleteMany d) {
            d.ids().forEach(id -> remove(d.collection(), id));
        } else {
            throw new IllegalArgumentException("not a state operation: " + op);
        }
    }

    /** The documents of an open database (and its last LSN). */
    static Model read(GlenDB db) {
        Model model = new Model();
        for (String collection : db.collections()) {
            try (Stream<Document> docs = db.stream(collection)) {
                docs.forEach(d -> model.put(collection, d.id(), d.version(), d.value()));
            }
        }
        model.lsn = db.stats().lsn();
        return model;
    }

    boolean sameData(Model other) {
        return data.equals(other.data);
    }

    long maxVersion() {
        long max = 0;
        for (TreeMap<String, Doc> docs : data.values()) {
            for (Doc doc : docs.values()) {
                max = Math.max(max, doc.version());
            }
        }
        return max;
    }

    /** A short description of how {@code actual} differs from this (expected) state. */
    String diff(Model actual) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        TreeMap<String, TreeMap<String, Doc>> all = new TreeMap<>(data);
        actual.data.forEach(all::putIfAbsent);
        for (String c : all.keySet()) {
            TreeMap<String, Doc> e = data.getOrDefault(c, new TreeMap<>());
            TreeMap<String, Doc> a = actual.data.getOrDefault(c, new TreeMap<>());
            TreeMap<String, Doc> ids = new TreeMap<>(e);
            a.forEach(ids::putIfAbsent);
            for (String id : ids.keySet()) {
                Doc de = e.get(id);
                Doc da = a.get(id);
                if (de == null ? da != null : !de.equals(da)) {
                    if (shown++ < 8) {
                        out.append("\n  ").append(c).append('/').append(id).append(": expected ")
                                .append(de == null ? "absent" : "v" + de.version()).append(", got ")
                                .append(da == null ? "absent" : "v" + da.version()
                                        + (de != null && de.version() == da.version() ? " (different value)" : ""));
                    }
                }
            }
        }
        if (shown > 8) {
            out.append("\n  ... ").append(shown - 8).append(" more");
        }
        return shown + " document(s) differ" + out;
    }

    private static long hash(String collection, String id, Doc doc) {
        long h = collection.hashCode();
        h = h * 0x9E3779B97F4A7C15L + id.hashCode();
        h = h * 0x9E3779B97F4A7C15L + doc.version();
        h = h * 0x9E3779B97F4A7C15L + doc.value().hashCode();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public String toString() {
        return "Model[lsn=" + lsn + ", docs=" + size() + "]";
    }
}
