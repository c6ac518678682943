package io.glen.sample.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** With {@code sample.generator.enabled=true}: a batch of shop traffic every {@code sample.generator.period}. */
@Component
@ConditionalOnBooleanProperty("sample.generator.enabled")
class BackgroundGenerator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundGenerator.class);

    private final DataGenerator generator;
    private final GeneratorProperties properties;
    private volatile ScheduledExecutorService executor;

    BackgroundGenerator(DataGenerator generator, GeneratorProperties properties) {
        this.generator = generator;
        this.properties = properties;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sample-generator");
            t.setDaemon(true);
            return t;
        });
        long periodMs = Math.max(10, properties.period().toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                generator.generate(properties.batch());
            } catch (RuntimeException e) {
                log.warn("generator batch failed: {}", e.toString());
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
        log.info("generating {} operation(s) every {} ms (sample.generator.enabled=true)", properties.batch(), periodMs);
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
            try {
                e.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
