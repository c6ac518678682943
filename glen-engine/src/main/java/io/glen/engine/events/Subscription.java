package io.glen.engine.events;

/** A registered listener; closing it stops deliveries (one already running finishes). */
public interface Subscription extends AutoCloseable {

    /** Stops deliveries. Idempotent. */
    @Override
    void close();

    /** Whether the subscription still delivers. */
    boolean isActive();
}
