/** Glen Spring Data: {@code @EnableGlenAuditing}. */
@NullMarked
package io.glen.spring.data.config;

import org.jspecify.annotations.NullMarked;
