package io.glen.spring.data.event;

import io.glen.engine.events.ChangeType;
import io.glen.engine.events.DocumentChange;
import io.glen.engine.value.Value;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;

/**
 * A committed change of one Glen document, published after the commit is durable as the WAL sync
 * mode requires. Listen with {@code @EventListener}, optionally filtered:
 * {@code @EventListener(condition = "#event.collection == 'orders'")}. The concrete type is
 * {@link GlenDocumentSavedEvent} or {@link GlenDocumentDeletedEvent}.
 */
public abstract class GlenDocumentChangedEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private final transient DocumentChange change;

    /** An event for {@code change}, published by {@code source}. */
    protected GlenDocumentChangedEvent(Object source, DocumentChange change) {
        super(source);
        this.change = change;
    }

    /** The event for a change: saved for inserts and updates, deleted for deletes. */
    public static GlenDocumentChangedEvent of(Object source, DocumentChange change) {
        return change.type() == ChangeType.DELETE ? new GlenDocumentDeletedEvent(source, change)
                : new GlenDocumentSavedEvent(source, change);
    }

    /** The collection. */
    public String getCollection() {
        return change.collection();
    }

    /** The document id. */
    public String getId() {
        return change.id();
    }

    /** Insert, update or delete. */
    public ChangeType getType() {
        return change.type();
    }

    /** The commit's log sequence number (the new version of a saved document). */
    public long getLsn() {
        return change.lsn();
    }

    /** The document's new version, or 0 after a delete. */
    public long getVersion() {
        return change.newVersion();
    }

    /** The version before the change, or 0 for an insert. */
    public long getOldVersion() {
        return change.oldVersion();
    }

    /** The value before the change, or null for an insert. */
    public @Nullable Value getOldValue() {
        return change.oldValue();
    }

    /** The value after the change, or null for a delete. */
    public @Nullable Value getNewValue() {
        return change.newValue();
    }

    /** The engine's change. */
    public DocumentChange getChange() {
        return change;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + change.type() + " " + change.collection() + "/" + change.id()
                + " @" + change.lsn() + "]";
    }
}
