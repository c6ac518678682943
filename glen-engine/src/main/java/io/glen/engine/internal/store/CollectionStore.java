package io.glen.engine.internal.store;

import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.internal.index.SecondaryIndex;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One collection's documents. Reads are lock-free; a writer holds the lock stripe of each document
 * it writes, so it sees a stable entry while it validates and applies; index changes and
 * snapshots hold every stripe.
 */
public final class CollectionStore {

    private final String name;
    private final byte[] nameEntry;
    private final ConcurrentHashMap<String, StoredDoc> documents;
    private volatile long snapshotLsn;
    private volatile Map<String, SecondaryIndex> indexes = Map.of();

    /** An empty collection. */
    public CollectionStore(String name) {
        this(name, new ConcurrentHashMap<>(), 0);
    }

    /** A collection loaded from a snapshot covering {@code snapshotLsn}. */
    public CollectionStore(String name, ConcurrentHashMap<String, StoredDoc> documents, long snapshotLsn) {
        this.name = name;
        this.nameEntry = new ByteSink(name.length() + 2).string(name).toByteArray();
        this.documents = documents;
        this.snapshotLsn = snapshotLsn;
    }

    /** The collection name. */
    public String name() {
        return name;
    }

    /** The name as a WAL entry holds it (length and UTF-8 bytes), encoded once. */
    public byte[] nameEntry() {
        return nameEntry;
    }

    /** The document with this id, or null. */
    public @Nullable StoredDoc get(String id) {
        return documents.get(id);
    }

    /** Stores a document; returns what it replaced, or null. */
    public @Nullable StoredDoc put(String id, StoredDoc doc) {
        return documents.put(id, doc);
    }

    /** Removes a document; returns what was stored. */
    public @Nullable StoredDoc remove(String id) {
        return documents.remove(id);
    }

    /** The number of documents. */
    public int size() {
        return documents.size();
    }

    /** The live map (weakly consistent iteration), for snapshots and scans. */
    public ConcurrentHashMap<String, StoredDoc> documents() {
        return documents;
    }

    /** The collection's indexes by name (an immutable copy; replaced on create and drop). */
    public Map<String, SecondaryIndex> indexes() {
        return indexes;
    }

    /** The index of that name, or null. */
    public @Nullable SecondaryIndex index(String name) {
        return indexes.get(name);
    }

    /** Installs an index (with every writer stopped). */
    public void addIndex(SecondaryIndex index) {
        Map<String, SecondaryIndex> copy = new LinkedHashMap<>(indexes);
        copy.put(index.definition().name(), index);
        indexes = java.util.Collections.unmodifiableMap(copy);
    }

    /** Removes an index (with every writer stopped); returns it, or null. */
    public @Nullable SecondaryIndex removeIndex(String name) {
        SecondaryIndex removed = indexes.get(name);
        if (removed != null) {
            Map<String, SecondaryIndex> copy = new LinkedHashMap<>(indexes);
            copy.remove(name);
            indexes = java.util.Collections.unmodifiableMap(copy);
        }
        return removed;
    }

    /** Updates every index for a changed document (under its lock stripe); null value = deleted. */
    public void reindex(String id, io.glen.engine.value.@Nullable Value value) {
        Collection<SecondaryIndex> all = indexes.values();
        for (SecondaryIndex index : all) {
            index.update(id, value);
        }
    }

    /** The LSN that the collection's snapshot on disk covers (0 when none). */
    public long snapshotLsn() {
        return snapshotLsn;
    }

    /** Records that a snapshot covering {@code lsn} is durable. */
    public void snapshotLsn(long lsn) {
        this.snapshotLsn = lsn;
    }

    /**
     * Redo of a logged put during recovery: applies only when newer than what the collection holds,
     * so replaying a record that a (fuzzy) snapshot already reflects changes nothing.
     */
    public void redoPut(String id, long lsn, byte[] encoded) {
        if (lsn <= snapshotLsn) {
            return;
        }
        StoredDoc existing = documents.get(id);
        if (existing == null || existing.version() < lsn) {
            documents.put(id, new StoredDoc(lsn, encoded));
        }
    }

    /** Redo of a logged delete during recovery; idempotent like {@link #redoPut}. */
    public void redoDelete(String id, long lsn) {
        if (lsn <= snapshotLsn) {
            return;
        }
        StoredDoc existing = documents.get(id);
        if (existing != null && existing.version() < lsn) {
            documents.remove(id);
        }
    }
}
