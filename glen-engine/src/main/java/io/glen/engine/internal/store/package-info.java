/** Internal: the in-memory store of record (encoded documents per collection) and the value cache. */
@NullMarked
package io.glen.engine.internal.store;

import org.jspecify.annotations.NullMarked;
