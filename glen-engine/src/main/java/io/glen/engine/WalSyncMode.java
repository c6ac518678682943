package io.glen.engine;

/**
 * When the write-ahead log forces written records to stable storage. In every mode a write is
 * handed to the operating system before it is acknowledged, so a crash of the JVM alone (kill -9)
 * loses nothing acknowledged; the modes differ in what a power loss or kernel crash can take, and
 * in what other readers see. In every mode a version once seen is never given to other content.
 */
public enum WalSyncMode {
    /**
     * Acknowledge a write only after {@code fsync} returned for a batch containing it. Concurrent
     * writers share one force (group commit). A power loss loses no acknowledged write, and other
     * readers see a write only once it is durable (synchronous commit).
     */
    ALWAYS,
    /**
     * Force after every {@code walFlushEveryBytes} written and on the {@code walFlushInterval}
     * timer. A power loss can lose up to that much acknowledged data, never part of a batch.
     * Readers see a write before it is forced.
     */
    INTERVAL,
    /** Never force; the operating system writes back when it likes. Fastest, least safe on power loss. */
    NONE
}
