package io.glen.spring.boot.data.shop;

import io.glen.spring.data.repository.GlenRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

public interface OrderRepository extends GlenRepository<Order, String> {

    List<Order> findByStatus(OrderStatus status);

    List<Order> findByStatusNot(OrderStatus status);

    List<Order> findByStatusIn(Collection<OrderStatus> statuses);

    List<Order> findByStatusNotIn(Collection<OrderStatus> statuses);

    List<Order> findByExpressTrue();

    List<Order> findByExpressFalse();

    List<Order> findByNoteIsNull();

    List<Order> findByNoteIsNotNull();

    List<Order> findByNoteExists();

    List<Order> findByTotalGreaterThan(double total);

    List<Order> findByTotalGreaterThanEqual(double total);

    List<Order> findByTotalLessThan(double total);

    List<Order> findByTotalLessThanEqual(double total);

    List<Order> findByTotalBetween(double low, double high);

    List<Order> findByTotalBetween(Range<Double> range);

    List<Order> findByCreatedAtBefore(Instant instant);

    List<Order> findByCreatedAtAfter(Instant instant);

    List<Order> findByCustomerNameStartingWith(String prefix);

    List<Order> findByCustomerNameEndingWith(String suffix);

    List<Order> findByCustomerNameContaining(String part);

    List<Order> findByCustomerNameNotContaining(String part);

    List<Order> findByCustomerNameLike(String pattern);

    List<Order> findByCustomerNameNotLike(String pattern);

    List<Order> findByCustomerNameIgnoreCase(String name);

    List<Order> findByCustomerNameStartingWithIgnoreCase(String prefix);

    List<Order> findByNumberRegex(String regex);

    List<Order> findByTagsContaining(String tag);

    List<Order> findByTagsIsEmpty();

    List<Order> findByTagsIsNotEmpty();

    List<Order> findByCustomerId(String customerId);

    List<Order> findByCustomerCity(String city);

    List<Order> findByStatusAndTotalGreaterThan(OrderStatus status, double total);

    List<Order> findByStatusOrExpressTrue(OrderStatus status);

    List<Order> findByStatusOrderByTotalDesc(OrderStatus status);

    List<Order> findByStatus(OrderStatus status, Sort sort);

    List<Order> findTop3ByStatusOrderByTotalDesc(OrderStatus status);

    Optional<Order> findFirstByCustomerIdOrderByCreatedAtAsc(String customerId);

    List<Order> findDistinctByStatus(OrderStatus status);

    Stream<Order> streamByStatus(OrderStatus status);

    Order findByNumber(String number);

    Optional<Order> findOptionalByNumber(String number);

    Page<Order> findByStatus(OrderStatus status, Pageable pageable);

    Slice<Order> findSliceByStatus(OrderStatus status, Pageable pageable);

    Window<Order> findFirst5ByStatusOrderByTotalAsc(OrderStatus status, ScrollPosition position);

    long countByStatus(OrderStatus status);

    boolean existsByStatus(OrderStatus status);

    long deleteByStatus(OrderStatus status);

    List<Order> removeByCustomerCity(String city);

    List<OrderSummary> findSummaryByStatus(OrderStatus status);

    List<OrderTotal> findTotalByStatusOrderByTotalAsc(OrderStatus status);

    <T> List<T> findByExpress(boolean express, Class<T> type);
}
