package io.glen.spring.data.event;

import io.glen.engine.GlenDB;
import io.glen.engine.events.Subscription;
import io.glen.spring.data.core.GlenValueConverter;
import io.glen.spring.data.core.SimpleGlenValueConverter;
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

    /** Subscribes to every change of {@code db}; events read values with plain conversion. */
    public GlenEventPublisher(GlenDB db, ApplicationEventPublisher publisher) {
        this(db, publisher, new SimpleGlenValueConverter());
    }

    /**
     * Subscribes to every change of {@code db}; events read values with {@code converter} (the
     * mapping converter makes {@code getValueAs(Entity.class)} work).
     */
    public GlenEventPublisher(GlenDB db, ApplicationEventPublisher publisher, GlenValueConverter converter) {
        this.subscription = db.subscribeAll(
                change -> publisher.publishEvent(GlenDocumentChangedEvent.of(db, change, converter)));
    }

    /** Stops publishing. */
    @Override
    public void destroy() {
        subscription.close();
    }
}
