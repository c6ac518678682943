package io.glen.spring.data.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Creates a single-field index on the property when the entity is first used (idempotent). On a
 * property of a nested object the index covers the dotted path from the document root.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface Indexed {

    /** The index name (default: {@code by_<field path>} with dots replaced by underscores). */
    String name() default "";
}
