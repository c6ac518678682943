package io.glen.spring.data.core;

import io.glen.engine.Document;
import io.glen.engine.value.Value;

/**
 * Converts between application objects and Glen values for {@link GlenTemplate}. The default,
 * {@link SimpleGlenValueConverter}, handles values, maps, lists and scalars; the Spring Data
 * module supplies one that maps entities.
 */
public interface GlenValueConverter {

    /** The value to store for {@code object}. */
    Value write(Object object);

    /** Reads {@code value} as an instance of {@code type}. */
    <T> T read(Value value, Class<T> type);

    /**
     * Reads a stored document as an instance of {@code type}; the mapping converter also sets the
     * entity's id and version from the document.
     */
    default <T> T read(Class<T> type, Document document) {
        return read(document.value(), type);
    }
}
