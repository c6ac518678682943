package io.glen.sample.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sample.generator.*}: background traffic for the dashboard.
 *
 * @param enabled generate in the background
 * @param period  how often a batch is generated
 * @param batch   operations per batch
 */
@ConfigurationProperties("sample.generator")
public record GeneratorProperties(boolean enabled, Duration period, int batch) {

    public GeneratorProperties {
        if (period == null) {
            period = Duration.ofSeconds(2);
        }
        if (batch <= 0) {
            batch = 1;
        }
    }
}
