/**
 * Glen's Spring Boot integration: auto-configuration and the glen.* properties.
 */
@NullMarked
package io.glen.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
