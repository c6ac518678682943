package io.glen.spring.data.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.query.QueryPlan;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** {@code @Query} with a JSON filter, bound to the arguments and planned onto indexes. */
@SpringJUnitConfig(SensorConfiguration.class)
class StringQueryTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    ReadingRepository readings;

    @Autowired
    GlenEntityTemplate template;

    @BeforeEach
    void readings() {
        readings.deleteAll();
        Reading checked = new Reading("r4", "S1", 40, AT);
        checked.setStatus("CHECKED");
        readings.saveAll(List.of(new Reading("r1", "S1", 10, AT), new Reading("r2", "S1", 20, AT),
                new Reading("r3", "S2", 30, AT), checked, new Reading("r5", "S2", 5, null)));
    }

    @Test
    void placeholdersBindTheArgumentsInOrder() {
        assertThat(readings.findAbove("S1", 15)).extracting(Reading::getId).containsExactly("r2", "r4");
    }

    @Test
    void aFilterOnAnIndexedPrefixAndRangeIsPlannedOntoTheCompositeIndex() {
        List<QueryPlan> plans = new CopyOnWriteArrayList<>();
        Consumer<QueryPlan> listener = plans::add;
        template.addQueryPlanListener(listener);
        try {
            readings.findAbove("S1", 15);
        } finally {
            template.removeQueryPlanListener(listener);
        }
        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.usesIndex()).isTrue();
            assertThat(plan.index()).isEqualTo("by_sensor_value");
        });
    }

    @Test
    void theAnnotatedSortOrdersTheResults() {
        assertThat(readings.findHighestFirst("S1")).extracting(Reading::getId).containsExactly("r4", "r2", "r1");
    }

    @Test
    void orCombinesFilters() {
        assertThat(readings.findWithStatusOrBelow("CHECKED", 12)).extracting(Reading::getId)
                .containsExactly("r1", "r4", "r5");
    }

    @Test
    void inTakesACollectionArgument() {
        assertThat(readings.findOfSensors(List.of("S2"))).extracting(Reading::getId).containsExactly("r3", "r5");
    }

    @Test
    void spelExpressionsSeeTheArgumentsByIndexAndByName() {
        assertThat(readings.findOfSensorUpperCased("s2")).extracting(Reading::getId).containsExactly("r3", "r5");
        assertThat(readings.findBetween("S1", 10, 20)).extracting(Reading::getId).containsExactly("r1", "r2");
    }

    @Test
    void countAndExistsQueries() {
        assertThat(readings.countOfSensor("S1")).isEqualTo(3);
        assertThat(readings.anyOfSensor("S9")).isFalse();
    }

    @Test
    void fieldsLeaveTheOtherPropertiesUnset() {
        assertThat(readings.findValuesOnly("S2")).allSatisfy(r -> {
            assertThat(r.getSensor()).isNull();
            assertThat(r.getStatus()).isNull();
            assertThat(r.getId()).isNotNull();
            assertThat(r.getVersion()).isNotNull();
        }).extracting(Reading::getValue).containsExactly(30.0, 5.0);
    }

    @Test
    void regexWithTheCaseInsensitiveOption() {
        assertThat(readings.findCheckedIgnoringCase()).extracting(Reading::getId).containsExactly("r4");
    }

    @Test
    void notAndExists() {
        assertThat(readings.findNotNew()).extracting(Reading::getId).containsExactly("r4");
    }

    @Test
    void pagesAndSortArguments() {
        Page<Reading> page = readings.findPageOfSensor("S1", PageRequest.of(1, 2, Sort.by("value")));
        assertThat(page.getContent()).extracting(Reading::getId).containsExactly("r4");
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(readings.findOfSensor("S1", Sort.by(Sort.Order.desc("value")))).extracting(Reading::getId)
                .containsExactly("r4", "r2", "r1");
    }

    @Test
    void sortingByTheIdIsAllowedAscending() {
        assertThat(readings.findOfSensor("S1", Sort.by("id"))).extracting(Reading::getId)
                .containsExactly("r1", "r2", "r4");
        assertThat(readings.findAll(PageRequest.of(0, 2, Sort.by("sensor", "id"))).getContent())
                .extracting(Reading::getId).containsExactly("r1", "r2");
    }
}
