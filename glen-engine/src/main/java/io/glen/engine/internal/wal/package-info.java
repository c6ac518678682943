/**
 * Internal: the write-ahead log. Segment files, record framing, group commit, and the recovery
 * scan that tells a torn tail from corruption. The bytes are described in {@code FORMAT.md}.
 */
@NullMarked
package io.glen.engine.internal.wal;

import org.jspecify.annotations.NullMarked;
