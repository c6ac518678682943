package io.glen.spring.boot.autoconfigure;

import io.glen.spring.data.core.GlenOperationObserver;
import io.glen.spring.data.observability.GlenObservationConvention;
import io.glen.spring.data.observability.ObservingGlenOperationObserver;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Observes every {@code GlenTemplate} operation (and so every repository call) with Micrometer when
 * the application has an {@link ObservationRegistry}: one observation per operation named
 * {@code glen.operation}, tagged with operation, collection and outcome. A
 * {@link GlenObservationConvention} bean renames or retags them.
 */
@AutoConfiguration(before = GlenAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, ObservingGlenOperationObserver.class})
@ConditionalOnBean(ObservationRegistry.class)
public final class GlenObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GlenOperationObserver glenOperationObserver(ObservationRegistry registry,
                                                ObjectProvider<GlenObservationConvention> convention) {
        return new ObservingGlenOperationObserver(registry, convention.getIfAvailable());
    }
}
