package io.glen.spring.data.core.mapping.event;

import io.glen.engine.value.Value;
import org.springframework.data.mapping.callback.EntityCallback;

/**
 * Called after conversion, before the value is written; may return a modified entity (the value
 * written is the one given).
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface BeforeSaveCallback<T> extends EntityCallback<T> {

    /** Returns the entity to save. */
    T onBeforeSave(T entity, Value document, String collection);
}
