package io.glen.spring.boot.autoconfigure;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.GlenStorageException;
import java.nio.file.Path;
import io.glen.spring.data.core.GlenOperationObserver;
import io.glen.spring.data.core.GlenTemplate;
import io.glen.spring.data.core.GlenValueConverter;
import io.glen.spring.data.core.SimpleGlenValueConverter;
import io.glen.spring.data.event.GlenEventListenerFactory;
import io.glen.spring.data.event.GlenEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures a {@link GlenDB} on {@code glen.dir} (default {@code ./glen-data}), tuned by the
 * {@code glen.*} properties and any {@link GlenOptionsCustomizer} beans, plus a
 * {@link GlenTemplate}, the indexes declared under {@code glen.indexes}, background compaction and
 * change events. Every bean backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass(GlenDB.class)
@EnableConfigurationProperties(GlenProperties.class)
public final class GlenAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GlenOptions glenOptions(GlenProperties properties, ObjectProvider<GlenOptionsCustomizer> customizers) {
        GlenOptions.Builder builder = GlenOptions.builder()
                .cacheCapacityBytes(properties.getCache().getCapacity().toBytes())
                .walSync(properties.getWal().getSync())
                .walFlushEveryBytes(properties.getWal().getFlushEvery().toBytes())
                .walFlushInterval(properties.getWal().getFlushInterval())
                .walBackgroundForce(properties.getWal().isBackgroundForce())
                .walMemoryMapped(properties.getWal().isMemoryMapped())
                .walSegmentBytes(properties.getWal().getSegmentSize().toBytes())
                .maxDocumentBytes((int) properties.getMaxDocumentSize().toBytes())
                .salvageCorruptWal(properties.getWal().isSalvage())
                .maxQueuedChanges(properties.getEvents().getMaxQueued());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    GlenDB glenDB(GlenProperties properties, GlenOptions options) {
        try {
            return GlenDB.open(properties.getDir(), options);
        } catch (GlenStorageException e) {
            Path directory = properties.getDir().toAbsolutePath().normalize();
            if (GlenDirectoryLockedException.isLocked(directory)) {
                throw new GlenDirectoryLockedException(directory, e);
            }
            throw e;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    GlenIndexInitializer glenIndexInitializer(GlenDB db, GlenProperties properties) {
        return new GlenIndexInitializer(db, properties.getIndexes());
    }

    @Bean
    @ConditionalOnMissingBean
    GlenTemplate glenTemplate(GlenDB db, ObjectProvider<GlenValueConverter> converter, GlenProperties properties,
                              ObjectProvider<GlenOperationObserver> observer) {
        GlenTemplate template = new GlenTemplate(db, converter.getIfAvailable(SimpleGlenValueConverter::new),
                properties.getTransactions().getMaxAttempts());
        observer.ifAvailable(template::setOperationObserver);
        return template;
    }

    @Bean
    @ConditionalOnMissingBean
    GlenBackgroundCompaction glenBackgroundCompaction(GlenDB db, GlenProperties properties) {
        GlenProperties.Compaction compaction = properties.getCompaction();
        return new GlenBackgroundCompaction(db,
                compaction.getWalThreshold() == null ? null : compaction.getWalThreshold().toBytes(),
                compaction.getInterval(), compaction.getCheckInterval());
    }

    /** Change events, on unless {@code glen.events.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "glen.events", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class GlenEventsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        GlenEventPublisher glenEventPublisher(GlenDB db, ApplicationEventPublisher publisher,
                                              ObjectProvider<GlenValueConverter> converter) {
            return new GlenEventPublisher(db, publisher, converter.getIfAvailable(SimpleGlenValueConverter::new));
        }

        @Bean
        static GlenEventListenerFactory glenEventListenerFactory() {
            return new GlenEventListenerFactory();
        }
    }
}
