package io.glen.spring.data.core.mapping.event;

import io.glen.engine.value.Value;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;

/**
 * An event around a mapped entity's life: the source is the entity (or its id for deletes), with
 * the collection and, where there is one, the stored value.
 *
 * @param <T> the entity type
 */
public abstract class GlenMappingEvent<T> extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private final String collection;
    private final transient @Nullable Value document;

    /** An event about {@code source} in {@code collection}. */
    protected GlenMappingEvent(T source, String collection, @Nullable Value document) {
        super(source);
        this.collection = collection;
        this.document = document;
    }

    /** The entity (or id). */
    @Override
    @SuppressWarnings("unchecked")
    public T getSource() {
        return (T) super.getSource();
    }

    /** The collection. */
    public String getCollection() {
        return collection;
    }

    /** The stored value, when the event has one. */
    public @Nullable Value getDocument() {
        return document;
    }
}
