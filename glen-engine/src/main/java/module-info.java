/**
 * The Glen engine: an embedded in-memory document database with a write-ahead log and snapshots.
 *
 * <p>Exported: the database and its options, values, queries, change events and listeners, index
 * definitions, and the storage SPI. Everything under {@code io.glen.engine.internal} (the store,
 * the write-ahead log, snapshots, codecs, index structures, the change hub) is not exported, and
 * the command-line tool is a program, not an API.
 */
module io.glen.engine {
    requires com.github.benmanes.caffeine;
    requires static transitive org.jspecify;

    exports io.glen.engine;
    exports io.glen.engine.events;
    exports io.glen.engine.index;
    exports io.glen.engine.io;
    exports io.glen.engine.query;
    exports io.glen.engine.value;
}
