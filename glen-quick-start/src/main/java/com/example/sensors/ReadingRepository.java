package com.example.sensors;

import io.glen.spring.data.repository.GlenRepository;
import io.glen.spring.data.repository.Query;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

public interface ReadingRepository extends GlenRepository<Reading, String> {

    List<Reading> findTop10BySensorOrderByAtDesc(String sensor);

    Page<Reading> findByCelsiusGreaterThan(double celsius, Pageable pageable);

    @Query(value = "{ 'sensor': ?0, 'celsius': { '$gte': ?1 } }", sort = "{ 'celsius': -1 }")
    List<Reading> hotReadings(String sensor, double minimum);
}
