package io.glen.spring.data.event;

import io.glen.engine.events.DocumentChange;

/** A document was deleted. */
public class GlenDocumentDeletedEvent extends GlenDocumentChangedEvent {

    private static final long serialVersionUID = 1L;

    /** An event for a delete. */
    public GlenDocumentDeletedEvent(Object source, DocumentChange change) {
        super(source, change);
    }
}
