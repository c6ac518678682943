package io.glen.engine.store;

/**
 * The store-of-record entry of one document: its version (the LSN of the write that produced it)
 * and its canonical encoding. Never mutated; a write replaces the whole entry.
 *
 * @param version the document version, equal to the LSN of the write that stored it
 * @param encoded the canonical encoding of the value (owned; never changed)
 */
public record StoredDoc(long version, byte[] encoded) {
}
