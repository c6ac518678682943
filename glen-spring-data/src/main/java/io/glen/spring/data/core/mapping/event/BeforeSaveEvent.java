package io.glen.spring.data.core.mapping.event;

import io.glen.engine.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Published after conversion, before the value is written.
 *
 * @param <T> the entity type
 */
public class BeforeSaveEvent<T> extends GlenMappingEvent<T> {

    private static final long serialVersionUID = 1L;

    /** An event about {@code source} in {@code collection}. */
    public BeforeSaveEvent(T source, String collection, @Nullable Value document) {
        super(source, collection, document);
    }
}
