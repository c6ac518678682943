package io.glen.spring.data.event;

import io.glen.engine.events.DocumentChange;
import io.glen.spring.data.core.GlenValueConverter;

/** A document was deleted. */
public class GlenDocumentDeletedEvent extends GlenDocumentChangedEvent {

    private static final long serialVersionUID = 1L;

    /** An event for a delete. */
    public GlenDocumentDeletedEvent(Object source, DocumentChange change) {
        super(source, change);
    }

    /** An event for a delete whose values {@code converter} reads. */
    public GlenDocumentDeletedEvent(Object source, DocumentChange change, GlenValueConverter converter) {
        super(source, change, converter);
    }
}
