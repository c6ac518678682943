/** Glen Spring Data: the {@code @DataGlenTest} test slice. */
@NullMarked
package io.glen.spring.boot.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
