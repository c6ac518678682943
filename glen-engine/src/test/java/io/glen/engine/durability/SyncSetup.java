package io.glen.engine.durability;

import io.glen.engine.WalSyncMode;

/**
 * A WAL sync mode as the scripted durability tests run it: under INTERVAL either with the force
 * due after {@code walFlushEveryBytes} made by the writer ({@link #INTERVAL}; every file operation
 * then happens on the test thread in program order, so failure point N is the same operation in
 * every run) or on the database's WAL thread as by default ({@link #INTERVAL_BACKGROUND_FORCE};
 * forces coalesce and race the writer, so the number and order of file operations vary a little
 * between runs and a failure point N near the end may not be reached).
 */
enum SyncSetup {
    ALWAYS(WalSyncMode.ALWAYS, false),
    INTERVAL(WalSyncMode.INTERVAL, false),
    INTERVAL_BACKGROUND_FORCE(WalSyncMode.INTERVAL, true),
    NONE(WalSyncMode.NONE, false);

    final WalSyncMode mode;
    final boolean backgroundForce;

    SyncSetup(WalSyncMode mode, boolean backgroundForce) {
        this.mode = mode;
        this.backgroundForce = backgroundForce;
    }

    /** Whether a script performs the same file operations in the same order in every run. */
    boolean deterministic() {
        return !backgroundForce;
    }
}
