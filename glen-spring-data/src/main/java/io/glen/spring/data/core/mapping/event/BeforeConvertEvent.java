package io.glen.spring.data.core.mapping.event;

import io.glen.engine.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Published before an entity is converted to its stored value.
 *
 * @param <T> the entity type
 */
public class BeforeConvertEvent<T> extends GlenMappingEvent<T> {

    private static final long serialVersionUID = 1L;

    /** An event about {@code source} in {@code collection}. */
    public BeforeConvertEvent(T source, String collection, @Nullable Value document) {
        super(source, collection, document);
    }
}
