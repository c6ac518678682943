package io.glen.spring.data.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.glen.spring.data.event.GlenDocumentChangedEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Change events read their values as entities through the repositories' converter. */
@SpringJUnitConfig(TypedChangeEventTest.Config.class)
class TypedChangeEventTest {

    @Autowired
    ReadingRepository readings;

    @Autowired
    Listener listener;

    @Test
    void theNewAndOldValuesReadAsEntitiesWithIdAndVersion() {
        Reading saved = readings.save(new Reading("t1", "S7", 12.5, Instant.parse("2026-12-01T10:00:00Z")));
        long first = saved.getVersion();
        saved.setValue(13.0);
        long second = readings.save(saved).getVersion();

        await().untilAsserted(() -> assertThat(listener.events).filteredOn(e -> e.getId().equals("t1")).hasSize(2));
        GlenDocumentChangedEvent update = listener.events.stream()
                .filter(e -> e.getId().equals("t1") && e.getVersion() == second).findFirst().orElseThrow();
        Reading now = update.getValueAs(Reading.class);
        Reading before = update.getOldValueAs(Reading.class);

        assertThat(now.getId()).isEqualTo("t1");
        assertThat(now.getVersion()).isEqualTo(second);
        assertThat(now.getValue()).isEqualTo(13.0);
        assertThat(now.getSensor()).isEqualTo("S7");
        assertThat(before.getVersion()).isEqualTo(first);
        assertThat(before.getValue()).isEqualTo(12.5);
    }

    @Test
    void aDeletedDocumentHasNoNewValue() {
        readings.save(new Reading("t2", "S7", 1, null));
        readings.deleteById("t2");

        await().untilAsserted(() -> assertThat(listener.events)
                .anySatisfy(e -> {
                    assertThat(e.getId()).isEqualTo("t2");
                    assertThat(e.getValueAs(Reading.class)).isNull();
                    assertThat(e.getOldValueAs(Reading.class)).extracting(Reading::getId).isEqualTo("t2");
                }));
    }

    @Configuration(proxyBeanMethods = false)
    @Import(SensorConfiguration.class)
    static class Config {

        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    static class Listener {

        final List<GlenDocumentChangedEvent> events = new CopyOnWriteArrayList<>();

        @EventListener(condition = "#event.collection == 'readings'")
        void on(GlenDocumentChangedEvent event) {
            events.add(event);
        }
    }
}
