/**
 * Glen Spring Data: the entity template that maps objects onto Glen documents.
 */
@NullMarked
package io.glen.spring.data.core;

import org.jspecify.annotations.NullMarked;
