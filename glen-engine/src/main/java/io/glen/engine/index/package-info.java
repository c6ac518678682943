/**
 * Secondary indexes: ordered sets of (key, document id) entries kept in the same critical section
 * as the store, their persisted definitions, and the rules that extract keys from documents.
 */
@NullMarked
package io.glen.engine.index;

import org.jspecify.annotations.NullMarked;
