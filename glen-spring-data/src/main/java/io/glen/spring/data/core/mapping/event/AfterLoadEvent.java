package io.glen.spring.data.core.mapping.event;

import io.glen.engine.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Published after a stored document was read into an entity.
 *
 * @param <T> the entity type
 */
public class AfterLoadEvent<T> extends GlenMappingEvent<T> {

    private static final long serialVersionUID = 1L;

    /** An event about {@code source} in {@code collection}. */
    public AfterLoadEvent(T source, String collection, @Nullable Value document) {
        super(source, collection, document);
    }
}
