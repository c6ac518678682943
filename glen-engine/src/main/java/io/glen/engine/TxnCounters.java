package io.glen.engine;

import java.util.concurrent.atomic.LongAdder;

/** Commit and conflict counters shared by a database's transactions. */
final class TxnCounters {
    final LongAdder commits = new LongAdder();
    final LongAdder conflicts = new LongAdder();
}
