/**
 * Glen Spring Data: runtime hints and AOT processing of repositories for Spring's AOT engine and
 * GraalVM native images.
 */
@NullMarked
package io.glen.spring.data.aot;

import org.jspecify.annotations.NullMarked;
