package io.glen.spring.data.event;

import io.glen.engine.events.DocumentChange;

/** A document was inserted or updated. */
public class GlenDocumentSavedEvent extends GlenDocumentChangedEvent {

    private static final long serialVersionUID = 1L;

    /** An event for an insert or update. */
    public GlenDocumentSavedEvent(Object source, DocumentChange change) {
        super(source, change);
    }
}
