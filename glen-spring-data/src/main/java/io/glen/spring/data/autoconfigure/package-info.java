/**
 * Glen Spring Data: Spring Boot auto-configuration of the mapping, the entity template and repositories.
 */
@NullMarked
package io.glen.spring.data.autoconfigure;

import org.jspecify.annotations.NullMarked;
