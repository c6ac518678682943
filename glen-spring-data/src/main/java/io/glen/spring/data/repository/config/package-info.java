/**
 * Glen Spring Data: @EnableGlenRepositories and its configuration extension.
 */
@NullMarked
package io.glen.spring.data.repository.config;

import org.jspecify.annotations.NullMarked;
