/**
 * Glen Spring Data: repository factory and the default repository implementation.
 */
@NullMarked
package io.glen.spring.data.repository.support;

import org.jspecify.annotations.NullMarked;
