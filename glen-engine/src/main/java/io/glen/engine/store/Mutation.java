package io.glen.engine.store;

import io.glen.engine.value.Value;
import io.glen.engine.wal.WalEntry;
import io.glen.engine.wal.WalOp;
import org.jspecify.annotations.Nullable;

/**
 * One prepared change: the value is already encoded (outside every lock) so that the critical
 * section only assigns the LSN, buffers the frame and swaps map entries.
 *
 * @param op put or delete
 * @param collection the checked collection name
 * @param id the checked document id
 * @param encoded the encoded value of a put, null for a delete
 * @param value the value of a put (to seed the cache), null for a delete
 */
public record Mutation(WalOp op, String collection, String id, byte @Nullable [] encoded, @Nullable Value value) {

    /** A put of an encoded value. */
    public static Mutation put(String collection, String id, byte[] encoded, Value value) {
        return new Mutation(WalOp.PUT, collection, id, encoded, value);
    }

    /** A delete. */
    public static Mutation delete(String collection, String id) {
        return new Mutation(WalOp.DELETE, collection, id, null, null);
    }

    /** The WAL entry of this change. */
    public WalEntry toWalEntry() {
        return new WalEntry(op, collection, id, encoded);
    }
}
