package io.glen.spring.boot.autoconfigure;

import io.glen.engine.GlenDB;
import io.glen.spring.boot.actuate.GlenEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code glen} actuator endpoint, when Spring Boot Actuator is on the class path. */
@AutoConfiguration(after = GlenAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(GlenDB.class)
public final class GlenActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    GlenEndpoint glenEndpoint(GlenDB db) {
        return new GlenEndpoint(db);
    }
}
