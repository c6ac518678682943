package io.glen.spring.data.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.glen.engine.GlenDB;
import io.glen.spring.data.core.mapping.event.AfterDeleteEvent;
import io.glen.spring.data.core.mapping.event.BeforeDeleteEvent;
import io.glen.spring.data.event.GlenDocumentDeletedEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** {@code deleteAll()} is a write like every other: it joins the transaction and publishes events. */
@SpringJUnitConfig(DeleteAllTest.Config.class)
class DeleteAllTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    ReadingService service;

    @Autowired
    ReadingRepository readings;

    @Autowired
    Events events;

    @Autowired
    GlenDB db;

    @BeforeEach
    void threeReadings() {
        readings.deleteAll();
        readings.saveAll(List.of(new Reading("a", "s1", 1, AT), new Reading("b", "s1", 2, AT),
                new Reading("c", "s2", 3, AT)));
        events.clear();
    }

    @Test
    void deleteAllInARolledBackTransactionDeletesNothing() {
        assertThatThrownBy(service::deleteAllThenFail).isInstanceOf(IllegalStateException.class);

        assertThat(readings.count()).isEqualTo(3);
    }

    @Test
    void deleteAllInATransactionDeletesEverythingAtCommit() {
        service.deleteAll();

        assertThat(readings.count()).isZero();
    }

    @Test
    void deleteAllPublishesAChangeEventPerDeletedDocument() {
        long before = db.stats().lsn();

        readings.deleteAll();

        await().untilAsserted(() -> assertThat(events.deleted).filteredOn(e -> e.getLsn() > before)
                .extracting(GlenDocumentDeletedEvent::getId).containsExactlyInAnyOrder("a", "b", "c"));
    }

    @Test
    void deleteAllPublishesBeforeAndAfterDeleteMappingEvents() {
        readings.deleteAll();

        assertThat(events.mapping).extracting(e -> e.getClass().getSimpleName() + " " + e.getCollection())
                .containsExactly("BeforeDeleteEvent readings", "AfterDeleteEvent readings");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(SensorConfiguration.class)
    static class Config {

        @Bean
        Events events() {
            return new Events();
        }
    }

    static class Events {

        final List<GlenDocumentDeletedEvent> deleted = new CopyOnWriteArrayList<>();
        final List<io.glen.spring.data.core.mapping.event.GlenMappingEvent<?>> mapping = new CopyOnWriteArrayList<>();

        @EventListener
        void onDeleted(GlenDocumentDeletedEvent event) {
            deleted.add(event);
        }

        @EventListener
        void onBeforeDelete(BeforeDeleteEvent<?> event) {
            mapping.add(event);
        }

        @EventListener
        void onAfterDelete(AfterDeleteEvent<?> event) {
            mapping.add(event);
        }

        void clear() {
            deleted.clear();
            mapping.clear();
        }
    }
}
