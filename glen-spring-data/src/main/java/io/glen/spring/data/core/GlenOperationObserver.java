package io.glen.spring.data.core;

import java.util.function.Supplier;

/**
 * Wraps every {@link GlenTemplate} operation, for tracing and metrics. The template calls
 * {@link #observe} around each operation with the operation's name (such as {@code save} or
 * {@code query}) and collection; {@link #NONE} just runs it. The Micrometer implementation is
 * {@code io.glen.spring.data.observability.ObservingGlenOperationObserver}.
 */
public interface GlenOperationObserver {

    /** Runs operations without observing them. */
    GlenOperationObserver NONE = new GlenOperationObserver() {
        @Override
        public <T> T observe(String operation, String collection, Supplier<T> action) {
            return action.get();
        }
    };

    /**
     * Runs {@code action}, the operation {@code operation} on {@code collection} (empty for
     * database-wide operations), and returns its result or rethrows its exception.
     */
    <T> T observe(String operation, String collection, Supplier<T> action);
}
