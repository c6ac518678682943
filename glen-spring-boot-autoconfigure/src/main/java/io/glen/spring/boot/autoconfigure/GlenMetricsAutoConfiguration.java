package io.glen.spring.boot.autoconfigure;

import io.glen.engine.GlenDB;
import io.glen.spring.boot.actuate.GlenMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Glen's Micrometer meters, when Micrometer is on the class path. */
@AutoConfiguration(after = GlenAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(GlenDB.class)
public final class GlenMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GlenMetrics glenMetrics(GlenDB db) {
        return new GlenMetrics(db);
    }
}
