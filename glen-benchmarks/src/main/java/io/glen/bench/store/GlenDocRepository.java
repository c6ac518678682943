package io.glen.bench.store;

import io.glen.spring.data.repository.GlenRepository;
import java.util.List;

/** A Glen repository with the derived queries of the comparison (the same methods as {@link DocRepository}). */
public interface GlenDocRepository extends GlenRepository<GlenDocEntity, String> {

    List<GlenDocEntity> findByCategory(String category);

    List<GlenDocEntity> findByScoreGreaterThanEqualAndScoreLessThan(long low, long high);
}
