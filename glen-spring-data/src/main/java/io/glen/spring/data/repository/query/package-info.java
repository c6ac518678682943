/**
 * Glen Spring Data: derived queries translated into Glen filters.
 */
@NullMarked
package io.glen.spring.data.repository.query;

import org.jspecify.annotations.NullMarked;
