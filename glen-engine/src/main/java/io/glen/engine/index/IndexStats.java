package io.glen.engine.index;

/**
 * The size of one index, from {@code GlenDB.admin().indexStats(collection)}.
 *
 * @param definition the index
 * @param entries its (key, document) entries: a document with several values at an indexed path
 *     (an array) has one per value
 * @param documents the documents it holds: those that reach a value at its first path
 */
public record IndexStats(IndexDefinition definition, long entries, long documents) {
}
