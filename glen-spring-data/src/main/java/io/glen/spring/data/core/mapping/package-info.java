/**
 * Glen Spring Data: the mapping metadata (collections, field names, ids, versions, indexes).
 */
@NullMarked
package io.glen.spring.data.core.mapping;

import org.jspecify.annotations.NullMarked;
