package io.glen.spring.data.sensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.repository.GlenRepository;
import io.glen.spring.data.repository.Query;
import io.glen.spring.data.repository.support.GlenRepositoryFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A broken {@code @Query} fails when the repository is created, naming the method and the position. */
@SpringJUnitConfig(SensorConfiguration.class)
class BrokenQueryTest {

    @Autowired
    GlenEntityTemplate template;

    interface MissingColon extends GlenRepository<Reading, String> {
        @Query("{ 'sensor' ?0 }")
        List<Reading> find(String sensor);
    }

    interface UnknownOperator extends GlenRepository<Reading, String> {
        @Query("{ 'value': { '$greater': ?0 } }")
        List<Reading> find(double value);
    }

    interface UnknownProperty extends GlenRepository<Reading, String> {
        @Query("{ 'temperature': ?0 }")
        List<Reading> find(double value);
    }

    interface PlaceholderWithoutParameter extends GlenRepository<Reading, String> {
        @Query("{ 'sensor': ?1 }")
        List<Reading> find(String sensor);
    }

    interface DescendingId extends GlenRepository<Reading, String> {
        @Query(value = "{}", sort = "{ 'id': -1 }")
        List<Reading> find();
    }

    @Test
    void aSyntaxMistakeNamesItsPosition() {
        assertThatThrownBy(() -> create(MissingColon.class)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("MissingColon.find").hasMessageContaining("expected ':' but found '?' at position 11")
                .hasMessageContaining("{ 'sensor' ?0 }\n             ^");
    }

    @Test
    void anUnknownOperatorIsNamed() {
        assertThatThrownBy(() -> create(UnknownOperator.class))
                .hasMessageContaining("unknown operator '$greater'").hasMessageContaining("at position 13");
    }

    @Test
    void anUnknownPropertyIsNamed() {
        assertThatThrownBy(() -> create(UnknownProperty.class)).hasMessageContaining("temperature")
                .hasMessageContaining("at position 2");
    }

    @Test
    void aPlaceholderWithoutAParameterIsRefused() {
        assertThatThrownBy(() -> create(PlaceholderWithoutParameter.class))
                .hasMessageContaining("placeholder ?1 but the method has 1 bindable parameter(s)");
    }

    @Test
    void aDescendingIdOrderIsRefused() {
        assertThatThrownBy(() -> create(DescendingId.class)).hasMessageContaining("id ascending only");
    }

    @Test
    void aDescendingIdSortArgumentIsRefused() {
        ReadingRepository readings = create(ReadingRepository.class);
        assertThatThrownBy(() -> readings.findOfSensor("S1", Sort.by(Sort.Order.desc("id"))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("id ascending only");
    }

    private <R> R create(Class<R> repository) {
        return new GlenRepositoryFactory(template).getRepository(repository);
    }
}
