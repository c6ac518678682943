package io.glen.spring.data.core.mapping.event;

import org.springframework.data.mapping.callback.EntityCallback;

/**
 * Called before an entity is converted for saving; may return a modified (or new) instance.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface BeforeConvertCallback<T> extends EntityCallback<T> {

    /** Returns the entity to convert. */
    T onBeforeConvert(T entity, String collection);
}
