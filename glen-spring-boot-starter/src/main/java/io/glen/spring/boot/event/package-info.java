/**
 * Glen's Spring Boot integration: committed changes published as ApplicationEvents.
 */
@NullMarked
package io.glen.spring.boot.event;

import org.jspecify.annotations.NullMarked;
