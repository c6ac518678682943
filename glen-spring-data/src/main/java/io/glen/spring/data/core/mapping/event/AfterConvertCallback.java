package io.glen.spring.data.core.mapping.event;

import io.glen.engine.value.Value;
import org.springframework.data.mapping.callback.EntityCallback;

/**
 * Called after a stored document was read into an entity; the returned instance is handed out.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface AfterConvertCallback<T> extends EntityCallback<T> {

    /** Returns the loaded entity. */
    T onAfterConvert(T entity, Value document, String collection);
}
