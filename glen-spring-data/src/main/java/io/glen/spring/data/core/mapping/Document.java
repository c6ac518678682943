package io.glen.spring.data.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.data.annotation.Persistent;

/**
 * Marks a class stored in Glen and names its collection (default: the simple class name with a
 * lower-case first letter).
 */
@Persistent
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Document {

    /** The collection name. */
    @AliasFor("collection")
    String value() default "";

    /** The collection name. */
    @AliasFor("value")
    String collection() default "";
}
