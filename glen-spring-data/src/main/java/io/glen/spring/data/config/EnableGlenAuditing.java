package io.glen.spring.data.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Turns on auditing of Glen entities: {@code @CreatedDate}, {@code @LastModifiedDate},
 * {@code @CreatedBy} and {@code @LastModifiedBy} are set when entities are saved.
 */
@Inherited
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(GlenAuditingRegistrar.class)
public @interface EnableGlenAuditing {

    /** The {@code AuditorAware} bean that supplies the current auditor. */
    String auditorAwareRef() default "";

    /** Whether creation also sets the last-modified properties. */
    boolean setDates() default true;

    /** Whether the modification properties are set on creation. */
    boolean modifyOnCreate() default true;

    /** The {@code DateTimeProvider} bean that supplies the current time. */
    String dateTimeProviderRef() default "";
}
