package io.glen.spring.data.core.mapping.event;

import io.glen.engine.value.Value;
import org.springframework.data.mapping.callback.EntityCallback;

/**
 * Called after an entity was written; the returned instance is what {@code save} returns.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface AfterSaveCallback<T> extends EntityCallback<T> {

    /** Returns the saved entity. */
    T onAfterSave(T entity, Value document, String collection);
}
