package io.glen.spring.data.sensor;

import io.glen.spring.data.repository.GlenRepository;
import io.glen.spring.data.repository.Query;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

public interface ReadingRepository extends GlenRepository<Reading, String> {

    List<Reading> findBySensorOrderByValueAsc(String sensor);

    @Query("{ 'sensor': ?0, 'value': { '$gt': ?1 } }")
    List<Reading> findAbove(String sensor, double minimum);

    @Query(value = "{ 'sensor': ?0 }", sort = "{ 'value': -1 }")
    List<Reading> findHighestFirst(String sensor);

    @Query("{ '$or': [ { 'status': ?0 }, { 'value': { '$lt': ?1 } } ] }")
    List<Reading> findWithStatusOrBelow(String status, double value);

    @Query("{ 'sensor': { '$in': ?0 } }")
    List<Reading> findOfSensors(List<String> sensors);

    @Query("{ 'sensor': ?#{[0].toUpperCase()} }")
    List<Reading> findOfSensorUpperCased(String sensor);

    @Query("{ 'sensor': ?#{#sensor} , 'value': { '$gte': ?1, '$lte': ?2 } }")
    List<Reading> findBetween(String sensor, double low, double high);

    @Query(value = "{ 'sensor': ?0 }", count = true)
    long countOfSensor(String sensor);

    @Query(value = "{ 'sensor': ?0 }", exists = true)
    boolean anyOfSensor(String sensor);

    @Query(value = "{ 'sensor': ?0 }", fields = "{ 'value': 1 }")
    List<Reading> findValuesOnly(String sensor);

    @Query("{ 'status': { '$regex': '^che', '$options': 'i' } }")
    List<Reading> findCheckedIgnoringCase();

    @Query("{ 'status': { '$not': { '$eq': 'NEW' } }, 'at': { '$exists': true } }")
    List<Reading> findNotNew();

    @Query("{ 'sensor': ?0 }")
    Page<Reading> findPageOfSensor(String sensor, Pageable pageable);

    @Query("{ 'sensor': ?0 }")
    List<Reading> findOfSensor(String sensor, Sort sort);

    Window<Reading> findFirst3BySensorOrderByValueAsc(String sensor, ScrollPosition position);

    Window<Reading> findFirst3BySensorOrderByStatusAsc(String sensor, ScrollPosition position);
}
