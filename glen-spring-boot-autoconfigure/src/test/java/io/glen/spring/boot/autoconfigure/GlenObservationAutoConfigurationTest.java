package io.glen.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.spring.data.core.GlenOperationObserver;
import io.glen.spring.data.core.GlenTemplate;
import io.glen.spring.data.observability.DefaultGlenObservationConvention;
import io.glen.spring.data.observability.GlenObservationConvention;
import io.glen.spring.data.observability.ObservingGlenOperationObserver;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GlenObservationAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(GlenObservationAutoConfiguration.class,
                        GlenAutoConfiguration.class))
                .withPropertyValues("glen.dir=" + dir);
    }

    @Test
    void templateOperationsAreObservedWhenAnObservationRegistryExists() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner().withBean(ObservationRegistry.class, () -> registry).run(context -> {
            assertThat(context).hasSingleBean(ObservingGlenOperationObserver.class);
            context.getBean(GlenTemplate.class).save("orders", "o1", Map.of("total", 1));
            TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo("glen.operation").that()
                    .hasLowCardinalityKeyValue("glen.operation", "save")
                    .hasLowCardinalityKeyValue("glen.collection", "orders");
        });
    }

    @Test
    void nothingIsObservedWithoutAnObservationRegistry() {
        runner().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GlenOperationObserver.class));
    }

    @Test
    void backsOffFromAUserObserver() {
        GlenOperationObserver mine = GlenOperationObserver.NONE;
        runner().withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withBean(GlenOperationObserver.class, () -> mine)
                .run(context -> assertThat(context.getBean(GlenOperationObserver.class)).isSameAs(mine));
    }

    @Test
    void aUserConventionNamesTheObservations() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner().withBean(ObservationRegistry.class, () -> registry)
                .withBean(GlenObservationConvention.class, () -> new DefaultGlenObservationConvention() {
                    @Override
                    public String getName() {
                        return "db.calls";
                    }
                }).run(context -> {
                    context.getBean(GlenTemplate.class).count("orders");
                    TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo("db.calls");
                });
    }

    @Test
    void survivesMicrometerMissingFromTheClassPath() {
        runner().withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(GlenTemplate.class)
                        .doesNotHaveBean(GlenOperationObserver.class));
    }

}
