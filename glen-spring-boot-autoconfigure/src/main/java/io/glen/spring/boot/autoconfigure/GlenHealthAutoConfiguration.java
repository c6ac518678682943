package io.glen.spring.boot.autoconfigure;

import io.glen.engine.GlenDB;
import io.glen.spring.boot.actuate.GlenHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code glen} health indicator, when Spring Boot's health support is on the class path. */
@AutoConfiguration(after = GlenAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(GlenDB.class)
@ConditionalOnEnabledHealthIndicator("glen")
public final class GlenHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "glenHealthIndicator")
    GlenHealthIndicator glenHealthIndicator(GlenDB db, GlenProperties properties) {
        return new GlenHealthIndicator(db, properties.getCompaction().getWalThreshold() == null ? null
                : properties.getCompaction().getWalThreshold().toBytes());
    }
}
