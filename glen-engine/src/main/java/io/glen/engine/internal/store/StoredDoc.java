package io.glen.engine.internal.store;

import io.glen.engine.internal.snapshot.SnapshotDocument;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import org.jspecify.annotations.Nullable;

/**
 * The store-of-record entry of one document: its version (the LSN of the write that produced it)
 * and its canonical encoding. Never mutated; a write replaces the whole entry.
 *
 * <p>A cold entry holds only the encoding. While the value cache keeps a document hot, the map
 * holds a {@link HotDoc} instead, which also carries the decoded value, so a hot read is one map
 * lookup and a field read. Entries compare by identity: the cache swaps an entry for its hot or
 * cold twin with {@code ConcurrentHashMap.replace(key, expected, replacement)}, which must succeed
 * only on the very entry it read.
 */
public sealed class StoredDoc implements SnapshotDocument permits HotDoc {

    private final long version;
    private final byte[] encoded;

    /**
     * An entry.
     *
     * @param version the document version, equal to the LSN of the write that stored it
     * @param encoded the canonical encoding of the value (owned; never changed)
     */
    public StoredDoc(long version, byte[] encoded) {
        this.version = version;
        this.encoded = encoded;
    }

    /** The document version, equal to the LSN of the write that stored it. */
    @Override
    public final long version() {
        return version;
    }

    /** The canonical encoding of the value (owned; never changed). */
    @Override
    public final byte[] encoded() {
        return encoded;
    }

    /** The decoded value when this entry is hot, else null. */
    public @Nullable Value cachedValue() {
        return null;
    }

    /** The value: the entry's own when it is hot, else decoded now (and not cached). */
    public Value decode() {
        Value cached = cachedValue();
        return cached != null ? cached : ValueCodec.decode(encoded);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[version=" + version + ", " + encoded.length + " bytes]";
    }
}
