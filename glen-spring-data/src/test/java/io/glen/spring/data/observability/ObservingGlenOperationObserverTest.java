package io.glen.spring.data.observability;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.GlenTemplate;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.OptimisticLockingFailureException;

class ObservingGlenOperationObserverTest {

    @TempDir
    Path dir;

    GlenDB db;
    GlenTemplate template;
    TestObservationRegistry registry = TestObservationRegistry.create();

    @BeforeEach
    void open() {
        db = GlenDB.open(dir, GlenOptions.builder().build());
        template = new GlenTemplate(db);
        template.setOperationObserver(new ObservingGlenOperationObserver(registry));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyOperationIsAnObservationTaggedWithOperationCollectionAndOutcome() {
        template.save("orders", "o1", Map.of("total", 5));

        assertThat(registry).hasObservationWithNameEqualTo("glen.operation").that()
                .hasContextualNameEqualTo("glen save orders")
                .hasLowCardinalityKeyValue("glen.operation", "save")
                .hasLowCardinalityKeyValue("glen.collection", "orders")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasBeenStarted().hasBeenStopped();
    }

    @Test
    void aConflictIsTaggedConflictAndRecordsTheError() {
        long version = template.save("orders", "o1", Map.of("total", 5));
        template.save("orders", "o1", Map.of("total", 6));

        assertThatThrownBy(() -> template.update("orders", "o1", Value.of(Map.of("total", 7)), version))
                .isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(registry).hasAnObservation(o -> o.hasLowCardinalityKeyValue("glen.operation", "update")
                .hasLowCardinalityKeyValue("outcome", "CONFLICT").hasError());
    }

    @Test
    void databaseWideOperationsHaveNoCollection() {
        template.compact();

        assertThat(registry).hasAnObservation(o -> o.hasLowCardinalityKeyValue("glen.operation", "compact")
                .hasLowCardinalityKeyValue("glen.collection", "none"));
    }
}
