package io.glen.spring.data.event;

import io.glen.engine.events.DocumentChange;
import io.glen.spring.data.core.GlenValueConverter;

/** A document was inserted or updated. */
public class GlenDocumentSavedEvent extends GlenDocumentChangedEvent {

    private static final long serialVersionUID = 1L;

    /** An event for an insert or update. */
    public GlenDocumentSavedEvent(Object source, DocumentChange change) {
        super(source, change);
    }

    /** An event for an insert or update whose values {@code converter} reads. */
    public GlenDocumentSavedEvent(Object source, DocumentChange change, GlenValueConverter converter) {
        super(source, change, converter);
    }
}
