package io.glen.spring.data.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Creates a composite index over several properties (by property name; dotted paths reach into
 * nested objects). Equality on a prefix plus a range on the next field is served by it.
 */
@Documented
@Repeatable(CompoundIndexes.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CompoundIndex {

    /** The index name. */
    String name();

    /** The properties, in key order. */
    String[] fields();
}
