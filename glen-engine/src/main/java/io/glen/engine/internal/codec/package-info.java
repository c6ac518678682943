/**
 * The binary encoding of {@link io.glen.engine.value.Value}s shared by the WAL, snapshots and
 * subscription streams, and the little-endian byte primitives it is made of. The format is written
 * down in {@code glen-engine/FORMAT.md}.
 */
@NullMarked
package io.glen.engine.internal.codec;

import org.jspecify.annotations.NullMarked;
