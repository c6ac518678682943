/**
 * Glen's public engine API: {@link io.glen.engine.GlenDB} and its options, documents, statistics
 * and exceptions.
 */
@NullMarked
package io.glen.engine;

import org.jspecify.annotations.NullMarked;
