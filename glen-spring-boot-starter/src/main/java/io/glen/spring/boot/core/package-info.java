/**
 * Glen's Spring Boot integration: GlenTemplate and exception translation into Spring's DataAccessException hierarchy.
 */
@NullMarked
package io.glen.spring.boot.core;

import org.jspecify.annotations.NullMarked;
