package io.glen.engine.internal.wal;

import org.jspecify.annotations.Nullable;

/**
 * One document change inside a WAL batch.
 *
 * @param op put or delete
 * @param collection the collection name
 * @param docId the document id
 * @param value the encoded value for a put, null for a delete
 */
public record WalEntry(WalOp op, String collection, String docId, byte @Nullable [] value) {
}
