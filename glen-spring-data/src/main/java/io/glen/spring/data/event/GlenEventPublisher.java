package io.glen.spring.data.event;

import io.glen.engine.GlenDB;
import io.glen.engine.events.Subscription;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes every committed Glen change as a {@link GlenDocumentChangedEvent}. Events are
 * published on Glen's listener thread after the commit (never inside an engine lock), one at a
 * time and in commit order, so {@code @EventListener} methods need no
 * {@code @TransactionalEventListener}: they already run after the commit.
 */
public class GlenEventPublisher implements DisposableBean {

    private final Subscription subscription;

    /** Subscribes to every change of {@code db}. */
    public GlenEventPublisher(GlenDB db, ApplicationEventPublisher publisher) {
        this.subscription = db.subscribeAll(change -> publisher.publishEvent(GlenDocumentChangedEvent.of(db, change)));
    }

    /** Stops publishing. */
    @Override
    public void destroy() {
        subscription.close();
    }
}
