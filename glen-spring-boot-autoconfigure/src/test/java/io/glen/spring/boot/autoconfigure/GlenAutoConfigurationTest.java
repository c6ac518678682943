package io.glen.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import io.glen.spring.boot.actuate.GlenEndpoint;
import io.glen.spring.boot.actuate.GlenHealthIndicator;
import io.glen.spring.boot.actuate.GlenMetrics;
import io.glen.spring.boot.autoconfigure.GlenActuatorAutoConfiguration;
import io.glen.spring.boot.autoconfigure.GlenAutoConfiguration;
import io.glen.spring.boot.autoconfigure.GlenHealthAutoConfiguration;
import io.glen.spring.boot.autoconfigure.GlenMetricsAutoConfiguration;
import io.glen.spring.boot.autoconfigure.GlenOptionsCustomizer;
import io.glen.spring.boot.autoconfigure.GlenBackgroundCompaction;
import io.glen.spring.data.core.GlenTemplate;
import io.glen.spring.data.event.GlenEventPublisher;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class GlenAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(GlenAutoConfiguration.class,
                        GlenActuatorAutoConfiguration.class, GlenHealthAutoConfiguration.class,
                        GlenMetricsAutoConfiguration.class))
                .withPropertyValues("glen.dir=" + dir);
    }

    @Test
    void defaultsGiveAnOpenDatabaseAndATemplateOnTheConfiguredDirectory() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(GlenDB.class).hasSingleBean(GlenTemplate.class)
                    .hasSingleBean(GlenEventPublisher.class).hasSingleBean(GlenBackgroundCompaction.class);
            GlenDB db = context.getBean(GlenDB.class);
            assertThat(db.directory()).isEqualTo(dir.toAbsolutePath().normalize());
            GlenOptions options = context.getBean(GlenOptions.class);
            assertThat(options.walSync()).isEqualTo(WalSyncMode.INTERVAL);
            assertThat(options.cacheCapacityBytes()).isEqualTo(64L << 20);
            assertThat(options.walFlushEveryBytes()).isEqualTo(8L << 20);
            assertThat(options.walBackgroundForce()).isTrue();
            assertThat(options.walMemoryMapped()).isTrue();
            assertThat(options.walSegmentBytes()).isEqualTo(64L << 20);
            assertThat(options.maxDocumentBytes()).isEqualTo(16 << 20);
            assertThat(context.getBean(GlenBackgroundCompaction.class).isEnabled()).isFalse();
            context.getBean(GlenTemplate.class).save("c", "x", java.util.Map.of("a", 1));
            assertThat(db.get("c", "x").at("a")).isEqualTo(Value.of(1));
        });
    }

    @Test
    void everyPropertyReachesTheOptions() {
        runner().withPropertyValues("glen.cache.capacity=2MB", "glen.wal.sync=always", "glen.wal.flush-every=1MB",
                "glen.wal.flush-interval=250ms", "glen.wal.background-force=false",
                "glen.wal.memory-mapped=false", "glen.wal.segment-size=128KB", "glen.max-document-size=64KB",
                "glen.wal.salvage=true", "glen.events.max-queued=77", "glen.compaction.wal-threshold=1MB",
                "glen.compaction.interval=5m", "glen.transactions.max-attempts=3").run(context -> {
                    GlenOptions options = context.getBean(GlenOptions.class);
                    assertThat(options.cacheCapacityBytes()).isEqualTo(2L << 20);
                    assertThat(options.walSync()).isEqualTo(WalSyncMode.ALWAYS);
                    assertThat(options.walFlushEveryBytes()).isEqualTo(1L << 20);
                    assertThat(options.walFlushInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(options.walBackgroundForce()).isFalse();
                    assertThat(options.walMemoryMapped()).isFalse();
                    assertThat(options.walSegmentBytes()).isEqualTo(128L << 10);
                    assertThat(options.maxDocumentBytes()).isEqualTo(64 << 10);
                    assertThat(options.salvageCorruptWal()).isTrue();
                    assertThat(options.maxQueuedChanges()).isEqualTo(77);
                    assertThat(context.getBean(GlenBackgroundCompaction.class).isEnabled()).isTrue();
                });
    }

    @Test
    void aNegativeSizeFailsStartupNamingTheProperty() {
        runner().withPropertyValues("glen.cache.capacity=-1MB").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("glen.cache.capacity must not be negative");
        });
        runner().withPropertyValues("glen.wal.flush-every=0B").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("glen.wal.flush-every"));
    }

    @Test
    void anUnknownSyncModeFailsStartup() {
        runner().withPropertyValues("glen.wal.sync=sometimes").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("glen.wal.sync")
                    .hasStackTraceContaining("sometimes");
        });
    }

    @Test
    void customizersAdjustTheOptions() {
        runner().withBean(GlenOptionsCustomizer.class, () -> builder -> builder.maxDocumentBytes(4096))
                .run(context -> assertThat(context.getBean(GlenOptions.class).maxDocumentBytes()).isEqualTo(4096));
    }

    @Test
    void backsOffFromUserBeans(@TempDir Path other) {
        runner().withUserConfiguration(UserBeans.class).withPropertyValues("user.dir.glen=" + other).run(context -> {
            assertThat(context).hasSingleBean(GlenDB.class).hasSingleBean(GlenTemplate.class);
            assertThat(context.getBean(GlenDB.class)).isSameAs(UserBeans.db);
            assertThat(context.getBean(GlenTemplate.class)).isSameAs(UserBeans.template);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {
        static GlenDB db;
        static GlenTemplate template;

        @Bean(destroyMethod = "close")
        GlenDB myDb(org.springframework.core.env.Environment env) {
            db = GlenDB.open(Path.of(env.getProperty("user.dir.glen")));
            return db;
        }

        @Bean
        GlenTemplate myTemplate(GlenDB db) {
            template = new GlenTemplate(db);
            return template;
        }
    }

    @Test
    void indexesDeclaredInPropertiesAreCreated() {
        runner().withPropertyValues("glen.indexes.orders.by_status[0]=status",
                "glen.indexes.orders.by_customer_total[0]=customer.id",
                "glen.indexes.orders.by_customer_total[1]=total").run(context -> {
                    GlenDB db = context.getBean(GlenDB.class);
                    assertThat(db.indexes("orders")).extracting(d -> d.name() + "=" + d.paths())
                            .containsExactlyInAnyOrder("by_status=[status]", "by_customer_total=[customer.id, total]");
                });
    }

    @Test
    void aConflictingIndexDeclarationFailsStartupWithBothDefinitions() {
        try (GlenDB db = GlenDB.open(dir)) {
            db.createIndex("orders", "by_status", "state");
        }
        runner().withPropertyValues("glen.indexes.orders.by_status[0]=status").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("by_status")
                    .hasMessageContaining("[state]");
        });
    }

    @Test
    void eventsCanBeDisabled() {
        runner().withPropertyValues("glen.events.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(GlenEventPublisher.class));
    }

    @Test
    void actuatorPartsAppearWithActuatorOnTheClassPath() {
        runner().withPropertyValues("management.endpoints.web.exposure.include=glen").run(context -> {
            assertThat(context).hasSingleBean(GlenEndpoint.class).hasSingleBean(GlenHealthIndicator.class)
                    .hasSingleBean(GlenMetrics.class);
            assertThat(context.getBean(GlenHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(GlenMetrics.class).bindTo(registry);
            context.getBean(GlenDB.class).put("c", "x", Value.of(1));
            context.getBean(GlenDB.class).get("c", "x"); // a write does not make a document hot: a miss
            context.getBean(GlenDB.class).get("c", "x"); // nor does a first read: a miss, and now it is hot
            context.getBean(GlenDB.class).get("c", "x"); // a hit
            assertThat(registry.get("glen.puts").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("glen.cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(2);
            assertThat(registry.get("glen.cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("glen.wal.size").gauge().value()).isPositive();
            assertThat(registry.get("glen.documents").tag("collection", "c").gauge().value()).isEqualTo(1);
        });
    }

    @Test
    void worksWithoutActuatorOrMicrometerOnTheClassPath() {
        runner().withClassLoader(new FilteredClassLoader(Endpoint.class, HealthIndicator.class, MeterBinder.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(GlenDB.class)
                            .doesNotHaveBean(GlenEndpoint.class).doesNotHaveBean(GlenHealthIndicator.class)
                            .doesNotHaveBean(GlenMetrics.class);
                });
    }

    @Test
    void healthIsDownWhenTheDatabaseIsClosed() {
        runner().run(context -> {
            GlenHealthIndicator health = context.getBean(GlenHealthIndicator.class);
            context.getBean(GlenDB.class).close();
            assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health(true).getDetails()).containsEntry("reason", "database is closed");
        });
    }

    @Test
    void dataWrittenByOneContextIsSeenByTheNext() {
        runner().run(context -> context.getBean(GlenTemplate.class).save("c", "x", Value.of("kept")));
        runner().run(context -> assertThat(context.getBean(GlenTemplate.class).findById("c", "x"))
                .contains(Value.of("kept")));
    }

    @Test
    void backgroundCompactionRunsOnceTheWalCrossesTheThreshold() {
        runner().withPropertyValues("glen.compaction.wal-threshold=1KB", "glen.wal.segment-size=4KB").run(context -> {
            GlenDB db = context.getBean(GlenDB.class);
            for (int i = 0; i < 200; i++) {
                db.put("c", "k" + i, Value.of("v".repeat(50)));
            }
            long before = db.admin().walTotalSize();
            assertThat(context.getBean(GlenBackgroundCompaction.class).checkNow()).isTrue();
            assertThat(db.stats().lastCompactionAt()).isNotNull();
            assertThat(db.admin().walTotalSize()).isLessThan(before);
        });
    }
}
