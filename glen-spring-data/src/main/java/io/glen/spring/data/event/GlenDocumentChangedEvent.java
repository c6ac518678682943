package io.glen.spring.data.event;

import io.glen.engine.Document;
import io.glen.engine.events.ChangeType;
import io.glen.engine.events.DocumentChange;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.GlenValueConverter;
import io.glen.spring.data.core.SimpleGlenValueConverter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;

/**
 * A committed change of one Glen document, published after the commit is durable as the WAL sync
 * mode requires. Listen with {@code @EventListener}, optionally filtered:
 * {@code @EventListener(condition = "#event.collection == 'orders'")}. The concrete type is
 * {@link GlenDocumentSavedEvent} or {@link GlenDocumentDeletedEvent}.
 *
 * <p>{@link #getValueAs(Class)} and {@link #getOldValueAs(Class)} read the document as an entity
 * through the same converter repositories use (id and version set), so a listener can work with
 * {@code event.getValueAs(Reading.class)} instead of the raw value.
 */
public abstract class GlenDocumentChangedEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private static final GlenValueConverter PLAIN = new SimpleGlenValueConverter();

    private final transient DocumentChange change;
    private final transient GlenValueConverter converter;

    /** An event for {@code change}, published by {@code source}, reading values with plain conversion. */
    protected GlenDocumentChangedEvent(Object source, DocumentChange change) {
        this(source, change, PLAIN);
    }

    /** An event for {@code change}, published by {@code source}, reading values with {@code converter}. */
    protected GlenDocumentChangedEvent(Object source, DocumentChange change, GlenValueConverter converter) {
        super(source);
        this.change = change;
        this.converter = converter;
    }

    /** The event for a change: saved for inserts and updates, deleted for deletes. */
    public static GlenDocumentChangedEvent of(Object source, DocumentChange change) {
        return of(source, change, PLAIN);
    }

    /** The event for a change, whose values {@code converter} reads as objects. */
    public static GlenDocumentChangedEvent of(Object source, DocumentChange change, GlenValueConverter converter) {
        return change.type() == ChangeType.DELETE ? new GlenDocumentDeletedEvent(source, change, converter)
                : new GlenDocumentSavedEvent(source, change, converter);
    }

    /**
     * The value after the change read as {@code type} (for an entity: with its id and new version),
     * or null after a delete.
     */
    public <T> @Nullable T getValueAs(Class<T> type) {
        Value value = change.newValue();
        return value == null ? null
                : converter.read(type, new Document(change.collection(), change.id(), change.newVersion(), value));
    }

    /**
     * The value before the change read as {@code type} (for an entity: with its id and old version),
     * or null for an insert.
     */
    public <T> @Nullable T getOldValueAs(Class<T> type) {
        Value value = change.oldValue();
        return value == null ? null
                : converter.read(type, new Document(change.collection(), change.id(), change.oldVersion(), value));
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
