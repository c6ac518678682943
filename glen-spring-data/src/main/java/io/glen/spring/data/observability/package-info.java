/**
 * Glen Spring Data: Micrometer observations of template operations (operation, collection and
 * outcome as low-cardinality tags).
 */
@NullMarked
package io.glen.spring.data.observability;

import org.jspecify.annotations.NullMarked;
