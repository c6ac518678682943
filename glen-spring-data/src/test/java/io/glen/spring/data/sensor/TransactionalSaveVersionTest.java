package io.glen.spring.data.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenDB;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Spring Data's rule: the instance {@code save} returns carries the version the commit gave it. */
@SpringJUnitConfig(SensorConfiguration.class)
class TransactionalSaveVersionTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    ReadingService service;

    @Autowired
    ReadingRepository readings;

    @Autowired
    GlenDB db;

    @BeforeEach
    void empty() {
        readings.deleteAll();
    }

    @Test
    void anEntityInsertedInATransactionCarriesItsCommittedVersion() {
        Reading saved = service.save(new Reading("r1", "s1", 20.5, AT));

        assertThat(saved.getVersion()).isEqualTo(db.version("readings", "r1")).isPositive();
    }

    @Test
    void theReturnedInstanceCanBeSavedAgainAfterTheCommit() {
        Reading saved = service.save(new Reading("r1", "s1", 20.5, AT));
        saved.setValue(21.0);

        Reading again = service.save(saved);

        assertThat(again.getVersion()).isEqualTo(db.version("readings", "r1")).isGreaterThan(0);
        assertThat(readings.findById("r1")).get().extracting(Reading::getValue).isEqualTo(21.0);
    }

    @Test
    void anEntityUpdatedInATransactionCarriesTheNewVersion() {
        Reading loaded = readings.save(new Reading("r1", "s1", 20.5, AT));
        long before = loaded.getVersion();
        loaded.setStatus("CHECKED");

        Reading saved = service.save(loaded);

        assertThat(saved.getVersion()).isGreaterThan(before).isEqualTo(db.version("readings", "r1"));
    }

    @Test
    void anEntitySavedTwiceInOneTransactionCommitsItsLastStateWithOneVersion() {
        Reading saved = service.saveTwice(new Reading("r1", "s1", 20.5, AT), "CHECKED");

        assertThat(saved.getVersion()).isEqualTo(db.version("readings", "r1"));
        assertThat(readings.findById("r1")).get().extracting(Reading::getStatus).isEqualTo("CHECKED");
    }

    @Test
    void everyEntityOfASaveAllCarriesTheCommitsVersion() {
        List<Reading> saved = service.saveAll(List.of(new Reading("a", "s1", 1, AT), new Reading("b", "s1", 2, AT)));

        assertThat(saved).extracting(Reading::getVersion).containsOnly(db.version("readings", "a"))
                .doesNotContainNull();
    }

    @Test
    void aRolledBackTransactionLeavesTheEntityItsOldVersion() {
        Reading loaded = readings.save(new Reading("r1", "s1", 20.5, AT));
        long before = loaded.getVersion();

        assertThatThrownBy(() -> service.run(() -> {
            readings.save(loaded);
            throw new IllegalStateException("rollback");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(loaded.getVersion()).isEqualTo(before);
        assertThat(db.version("readings", "r1")).isEqualTo(before);
    }

    @Test
    void concurrentTransactionsEachReturnTheirOwnCommittedVersions() throws Exception {
        int threads = 4;
        int perThread = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<Reading>>> results = new java.util.ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Reading> saved = new java.util.ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        Reading r = service.save(new Reading("c" + thread + "-" + i, "s" + thread, i, AT));
                        r.setValue(i + 0.5);
                        saved.add(service.save(r));
                    }
                    return saved;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<List<Reading>> result : results) {
                for (Reading reading : result.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    assertThat(reading.getVersion()).as(reading.getId())
                            .isEqualTo(db.version("readings", reading.getId()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStaleVersionIsStillRefused() {
        Reading first = service.save(new Reading("r1", "s1", 20.5, AT));
        Reading stale = readings.findById("r1").orElseThrow();
        service.save(first);

        assertThatThrownBy(() -> service.save(stale)).isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining("has version " + db.version("readings", "r1"))
                .hasMessageContaining("not the expected version " + stale.getVersion());
    }
}
