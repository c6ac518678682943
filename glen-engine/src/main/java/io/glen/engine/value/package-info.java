/**
 * Glen's immutable document values: the {@link io.glen.engine.value.Value} kinds, their builders,
 * their total order and dotted-path lookup.
 */
@NullMarked
package io.glen.engine.value;

import org.jspecify.annotations.NullMarked;
