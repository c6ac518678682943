package io.glen.spring.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test slice for Glen repositories: only the Glen, Glen Spring Data and transaction
 * auto-configurations are applied, {@code GlenRepository} interfaces are created, no other
 * components are scanned, and {@code glen.dir} is a fresh temporary directory per test class
 * (deleted when the JVM exits).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(DataGlenTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(DataGlenTypeExcludeFilter.class)
@ImportAutoConfiguration
public @interface DataGlenTest {

    /** Extra properties ({@code key=value}) for the test's environment. */
    String[] properties() default {};

    /** Whether the default component filters apply (they include no components). */
    boolean useDefaultFilters() default true;

    /** Components to include anyway. */
    Filter[] includeFilters() default {};

    /** Components to exclude. */
    Filter[] excludeFilters() default {};
}
