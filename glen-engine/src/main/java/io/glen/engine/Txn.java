package io.glen.engine;

import io.glen.engine.internal.store.CollectionStore;
import io.glen.engine.internal.store.DataStore;
import io.glen.engine.internal.store.Mutation;
import io.glen.engine.internal.store.StoredDoc;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import io.glen.engine.internal.wal.WalOp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An optimistic transaction: reads record the version they saw, writes are staged, and
 * {@link #commit()} validates and applies everything atomically as one WAL batch.
 *
 * <p>Guarantee: serializable for the documents read and written through the transaction. At
 * commit, under the write lock:
 * <ul>
 *   <li>every document read through {@link #get} or {@link #getMany} must still have the version
 *       it had when first read (absent counts as version 0);</li>
 *   <li>every write staged with an expected version must find exactly that version;</li>
 *   <li>every other written document must not have been changed by a commit after this
 *       transaction began (first committer wins), so two blind writers of one document cannot
 *       both commit.</li>
 * </ul>
 * Any mismatch yields {@link CommitStatus#CONFLICT} and changes nothing. Documents found through
 * queries rather than {@code get} are not tracked. Reads see the transaction's own staged writes.
 *
 * <p>A transaction is single-use and not thread-safe; it holds no lock while open.
 */
public final class Txn implements AutoCloseable {

    private enum State { ACTIVE, COMMITTED, ROLLED_BACK }

    private record Staged(WalOp op, byte @Nullable [] encoded, @Nullable Value value, long expectedVersion) {
    }

    private final DataStore store;
    private final GlenOptions options;
    private final TxnCounters counters;
    private final long startLsn;
    private final Map<DocumentKey, Long> observed = new LinkedHashMap<>();
    private final Map<DocumentKey, Staged> staged = new LinkedHashMap<>();
    private State state = State.ACTIVE;

    Txn(DataStore store, GlenOptions options, TxnCounters counters) {
        this.store = store;
        this.options = options;
        this.counters = counters;
        this.startLsn = store.visibleLsn();
    }

    /** The LSN that was current when the transaction began. */
    public long startLsn() {
        return startLsn;
    }

    /** Reads a document, recording its version for validation at commit. */
    public @Nullable Value get(String collection, String docId) {
        ensureActive();
        DocumentKey key = key(collection, docId);
        Staged own = staged.get(key);
        if (own != null) {
            return own.value();
        }
        CollectionStore cs = store.existingCollection(collection);
        StoredDoc doc = cs == null ? null : cs.get(docId);
        observed.putIfAbsent(key, doc == null ? 0L : doc.version());
        return doc == null ? null : store.cache().value(cs, docId, doc);
    }

    /** Reads several documents of a collection (request order, absent ones left out), recording versions. */
    public Map<String, Value> getMany(String collection, Collection<String> docIds) {
        Map<String, Value> result = new LinkedHashMap<>();
        for (String id : new java.util.LinkedHashSet<>(docIds)) {
            Value value = get(collection, id);
            if (value != null) {
                result.put(id, value);
            }
        }
        return result;
    }

    /** Stages a put. */
    public Txn put(String collection, String docId, Value value) {
        return stage(collection, docId, value, -1);
    }

    /**
     * Stages a put that commits only if the document then has {@code expectedVersion}
     * (0 = must not exist).
     */
    public Txn put(String collection, String docId, Value value, long expectedVersion) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative: " + expectedVersion);
        }
        return stage(collection, docId, value, expectedVersion);
    }

    /** Stages a delete (a no-op at commit if the document does not exist then). */
    public Txn delete(String collection, String docId) {
        ensureActive();
        staged.put(key(collection, docId), new Staged(WalOp.DELETE, null, null, -1));
        return this;
    }

    /** Stages a delete that commits only if the document then has {@code expectedVersion}. */
    public Txn delete(String collection, String docId, long expectedVersion) {
        ensureActive();
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative: " + expectedVersion);
        }
        staged.put(key(collection, docId), new Staged(WalOp.DELETE, null, null, expectedVersion));
        return this;
    }

    private Txn stage(String collection, String docId, Value value, long expectedVersion) {
        ensureActive();
        DocumentKey key = key(collection, docId);
        Objects.requireNonNull(value, "value must not be null; use Value.NULL");
        byte[] encoded = ValueCodec.encodeDocument(collection, docId, value, options.maxDocumentBytes());
        staged.put(key, new Staged(WalOp.PUT, encoded, value, expectedVersion));
        return this;
    }

    /** Validates and applies the transaction; see the class documentation. */
    public CommitResult commit() {
        if (state != State.ACTIVE) {
            return CommitResult.invalid("the transaction was already "
                    + (state == State.COMMITTED ? "committed" : "rolled back"));
        }
        state = State.COMMITTED;
        List<Mutation> proposed = new ArrayList<>(staged.size());
        staged.forEach((key, s) -> {
            CollectionStore cs = store.collection(key.collection());
            proposed.add(s.op() == WalOp.PUT ? Mutation.put(cs, key.id(), s.encoded(), s.value())
                    : Mutation.delete(cs, key.id()));
        });
        Validation validation = new Validation();
        long version = store.write(proposed, observed.keySet(), validation);
        if (validation.conflicts != null) {
            counters.conflicts.increment();
            return CommitResult.conflict(new ArrayList<>(validation.conflicts), validation.reasons);
        }
        counters.commits.increment();
        return CommitResult.committed(version);
    }

    /** The commit's guard: run holding the stripes of every document read or written. */
    private final class Validation implements DataStore.BatchGuard {
        @Nullable Set<DocumentKey> conflicts;
        final List<String> reasons = new ArrayList<>(0);

        @Override
        public List<Mutation> check(DataStore s, List<Mutation> batch) {
            for (Map.Entry<DocumentKey, Long> entry : observed.entrySet()) {
                DocumentKey key = entry.getKey();
                long seen = entry.getValue();
                long current = currentVersion(s, key);
                if (current != seen && conflict(key)) {
                    reasons.add(key + " read at version " + seen + ", current version " + current);
                }
            }
            for (Map.Entry<DocumentKey, Staged> entry : staged.entrySet()) {
                DocumentKey key = entry.getKey();
                Staged st = entry.getValue();
                if (st.expectedVersion() < 0 && observed.containsKey(key)) {
                    continue; // validated as a read above
                }
                long current = currentVersion(s, key);
                boolean stale = st.expectedVersion() >= 0 ? current != st.expectedVersion() : current > startLsn;
                if (stale && conflict(key)) {
                    reasons.add(key + (st.expectedVersion() >= 0 ? " expected version " + st.expectedVersion()
                            : " written after version " + startLsn) + ", current version " + current);
                }
            }
            return conflicts == null ? DataStore.presentOnly(s, batch) : List.of();
        }

        private boolean conflict(DocumentKey key) {
            if (conflicts == null) {
                conflicts = new LinkedHashSet<>();
            }
            return conflicts.add(key);
        }
    }

    private static long currentVersion(DataStore s, DocumentKey key) {
        return s.latestVersion(key.collection(), key.id());
    }

    /** Discards the staged changes. Idempotent; a no-op after commit. */
    public void rollback() {
        if (state == State.ACTIVE) {
            state = State.ROLLED_BACK;
            staged.clear();
            observed.clear();
        }
    }

    /** Rolls back unless already committed. */
    @Override
    public void close() {
        rollback();
    }

    /** Whether the transaction can still read, stage and commit. */
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    private void ensureActive() {
        if (state != State.ACTIVE) {
            throw new IllegalStateException("the transaction was already "
                    + (state == State.COMMITTED ? "committed" : "rolled back") + "; begin a new one");
        }
    }

    private static DocumentKey key(String collection, String docId) {
        return new DocumentKey(Names.checkCollection(collection), Names.checkDocId(docId));
    }
}
