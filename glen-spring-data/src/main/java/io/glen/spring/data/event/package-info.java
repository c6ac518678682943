/**
 * Glen Spring Data: committed changes published as ApplicationEvents.
 */
@NullMarked
package io.glen.spring.data.event;

import org.jspecify.annotations.NullMarked;
