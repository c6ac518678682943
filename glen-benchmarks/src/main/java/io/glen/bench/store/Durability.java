package io.glen.bench.store;

/** The durability class a store is opened with; see the module README for each store's setting. */
public enum Durability {
    /**
     * Glen's {@code WalSyncMode.INTERVAL}; peers: their nearest setting with no fsync per write and
     * a flush/commit about every second.
     */
    INTERVAL,
    /** Acknowledged only after fsync: Glen's {@code WalSyncMode.ALWAYS}; peers commit and sync per write. */
    ALWAYS
}
