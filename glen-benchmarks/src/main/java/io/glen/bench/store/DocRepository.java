package io.glen.bench.store;

import java.util.List;
import org.springframework.data.repository.CrudRepository;

/** A Spring Data repository with the derived queries of the comparison. */
public interface DocRepository extends CrudRepository<DocEntity, String> {

    List<DocEntity> findByCategory(String category);

    List<DocEntity> findByScoreGreaterThanEqualAndScoreLessThan(long low, long high);
}
