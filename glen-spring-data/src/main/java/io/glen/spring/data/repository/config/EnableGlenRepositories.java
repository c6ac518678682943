package io.glen.spring.data.repository.config;

import io.glen.spring.data.repository.support.GlenRepositoryFactoryBean;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryLookupStrategy.Key;

/**
 * Enables Glen repositories: interfaces extending {@code GlenRepository} in the annotated class's
 * package (or {@link #basePackages}) become beans. Spring Boot applications get this without the
 * annotation (switch off with {@code glen.repositories.enabled=false}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(GlenRepositoriesRegistrar.class)
public @interface EnableGlenRepositories {

    /** Alias for {@link #basePackages()}. */
    String[] value() default {};

    /** Packages to scan for repository interfaces. */
    String[] basePackages() default {};

    /** Classes whose packages are scanned. */
    Class<?>[] basePackageClasses() default {};

    /** Which interfaces to include. */
    Filter[] includeFilters() default {};

    /** Which interfaces to exclude. */
    Filter[] excludeFilters() default {};

    /** The postfix of custom implementation classes. */
    String repositoryImplementationPostfix() default "Impl";

    /** Where named queries live (unused by Glen, kept for the Spring Data contract). */
    String namedQueriesLocation() default "";

    /** How query methods are resolved. */
    Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

    /** The factory bean class. */
    Class<?> repositoryFactoryBeanClass() default GlenRepositoryFactoryBean.class;

    /** A custom repository base class. */
    Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

    /**
     * The name of the {@code GlenEntityTemplate} bean repositories use; empty (the default): the one
     * {@code GlenEntityTemplate} bean, whatever its name.
     */
    String entityTemplateRef() default "";

    /** Whether nested repository interfaces are considered. */
    boolean considerNestedRepositories() default false;
}
