package io.glen.spring.data.sensor;

import io.glen.spring.data.repository.GlenRepository;
import java.util.List;

public interface ReadingRepository extends GlenRepository<Reading, String> {

    List<Reading> findBySensorOrderByValueAsc(String sensor);
}
