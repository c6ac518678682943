package io.glen.sample.domain;

import io.glen.spring.data.repository.GlenRepository;
import java.util.List;

/** Products; {@code stock} and {@code sku} are indexed. */
public interface ProductRepository extends GlenRepository<Product, String> {

    /** Low stock: a range scan on the {@code stock} index. */
    List<Product> findByStockLessThanOrderByStockAsc(int threshold);

    /** SKUs starting with a prefix: a range scan on the {@code sku} index. */
    List<Product> findBySkuStartingWithOrderBySkuAsc(String prefix);
}
