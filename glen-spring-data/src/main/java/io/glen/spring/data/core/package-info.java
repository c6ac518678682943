/**
 * Glen Spring Data: {@link io.glen.spring.data.core.GlenOperations}/{@link io.glen.spring.data.core.GlenTemplate}
 * (documents), {@link io.glen.spring.data.core.GlenEntityTemplate} (entities) and exception translation.
 */
@NullMarked
package io.glen.spring.data.core;

import org.jspecify.annotations.NullMarked;
