/**
 * Queries: the {@link io.glen.engine.query.Filter} model, {@link io.glen.engine.query.Query}
 * building and execution, the planner that picks an index, and keyset cursors.
 */
@NullMarked
package io.glen.engine.query;

import org.jspecify.annotations.NullMarked;
