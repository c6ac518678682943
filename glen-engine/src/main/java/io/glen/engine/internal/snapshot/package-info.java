/**
 * Internal: per-collection snapshot files, written atomically and verified completely before a
 * single document of them is used. The bytes are described in {@code FORMAT.md}.
 */
@NullMarked
package io.glen.engine.internal.snapshot;

import org.jspecify.annotations.NullMarked;
