/**
 * Failure analyzers: why an application with Glen failed to start, and what to do, in Spring
 * Boot's "APPLICATION FAILED TO START" report.
 */
@NullMarked
package io.glen.spring.boot.diagnostics;

import org.jspecify.annotations.NullMarked;
