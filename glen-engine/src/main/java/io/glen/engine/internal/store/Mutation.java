package io.glen.engine.internal.store;

import io.glen.engine.value.Value;
import io.glen.engine.internal.wal.WalOp;
import org.jspecify.annotations.Nullable;

/**
 * One prepared change: the value is already encoded (outside every lock) so that the write path
 * only frames it, assigns the LSN and swaps map entries.
 *
 * @param op put or delete
 * @param store the collection (created when first written to)
 * @param id the checked document id
 * @param encoded the encoded value of a put, null for a delete
 * @param value the value of a put (for indexes, the cache and events), null for a delete
 */
public record Mutation(WalOp op, CollectionStore store, String id, byte @Nullable [] encoded, @Nullable Value value) {

    /** A put of an encoded value. */
    public static Mutation put(CollectionStore store, String id, byte[] encoded, Value value) {
        return new Mutation(WalOp.PUT, store, id, encoded, value);
    }

    /** A delete. */
    public static Mutation delete(CollectionStore store, String id) {
        return new Mutation(WalOp.DELETE, store, id, null, null);
    }

    /** The collection's name. */
    public String collection() {
        return store.name();
    }
}
