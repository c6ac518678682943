package io.glen.sample.domain;

import io.glen.spring.data.repository.GlenRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Orders; status, customer, total and createdAt are indexed, plus (status, createdAt) and (status, total). */
public interface OrderRepository extends GlenRepository<Order, String> {

    /** Equality on the status index. */
    Page<Order> findByStatus(OrderStatus status, Pageable pageable);

    /** Equality on status, then a range on total: the (status, total) index. */
    Page<Order> findByStatusAndTotalGreaterThanEqual(OrderStatus status, double minTotal, Pageable pageable);

    /** Range on the createdAt index, both ends inclusive. */
    Page<Order> findByCreatedAtBetween(Instant from, Instant to, Pageable pageable);

    /** Top-N by total: a range scan on the total index, ordered descending. */
    List<Order> findTop10ByTotalGreaterThanEqualOrderByTotalDesc(double minTotal);

    long countByStatus(OrderStatus status);
}
