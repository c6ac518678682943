package io.glen.sample.web;

import io.glen.sample.domain.Order;
import io.glen.sample.domain.OrderRepository;
import io.glen.sample.domain.OrderStatus;
import io.glen.sample.service.NotFoundException;
import io.glen.sample.service.OrderService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders: list (optionally by status or creation time) with paging, top-N by total, place, change status. */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final OrderRepository orders;
    private final OrderService service;

    public OrderController(OrderRepository orders, OrderService service) {
        this.orders = orders;
        this.service = service;
    }

    /**
     * {@code ?status=NEW&page=0&size=20&sort=total,desc} (with {@code &minTotal=100}: orders of at least that
     * total, through the (status, total) index); or {@code ?from=2026-01-01T00:00:00Z&to=...}
     * for orders created in that interval (inclusive).
     */
    @GetMapping
    public PagedModel<Order> list(@RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @DecimalMin("0.0") @DecimalMax("1.0E9") Double minTotal,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
        if (status != null && (from != null || to != null)) {
            throw new IllegalArgumentException("use either status or from/to, not both");
        }
        if (minTotal != null && status == null) {
            throw new IllegalArgumentException("minTotal needs a status");
        }
        if (status != null) {
            return new PagedModel<>(minTotal == null ? orders.findByStatus(status, pageable)
                    : orders.findByStatusAndTotalGreaterThanEqual(status, minTotal, pageable));
        }
        if (from != null || to != null) {
            return new PagedModel<>(orders.findByCreatedAtBetween(from == null ? Instant.EPOCH : from,
                    to == null ? Instant.now() : to, pageable));
        }
        return new PagedModel<>(orders.findAll(pageable));
    }

    @GetMapping("/{id}")
    public Order get(@PathVariable String id) {
        return orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
    }

    /** The {@code n} (1-10) largest orders. */
    @GetMapping("/top")
    public List<Order> top(@RequestParam(defaultValue = "5") @Min(1) @Max(10) int n) {
        List<Order> top = orders.findTop10ByTotalGreaterThanEqualOrderByTotalDesc(0);
        return top.subList(0, Math.min(n, top.size()));
    }

    /** Order counts per status. */
    @GetMapping("/stats")
    public Map<OrderStatus, Long> stats() {
        Map<OrderStatus, Long> counts = new LinkedHashMap<>();
        for (OrderStatus s : OrderStatus.values()) {
            counts.put(s, orders.countByStatus(s));
        }
        return counts;
    }

    /** Reserves stock and creates the order in one transaction; too little stock is a 409. */
    @PostMapping
    public ResponseEntity<Order> place(@Valid @RequestBody OrderRequests.Place request) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        request.lines().forEach(l -> quantities.merge(l.productId(), l.quantity(), Integer::sum));
        Order order = service.placeOrder(request.customer(), quantities);
        return ResponseEntity.created(URI.create("/api/orders/" + order.getId())).body(order);
    }

    /** Changes the status if {@code version} is still current; otherwise 409. */
    @PutMapping("/{id}/status")
    public Order changeStatus(@PathVariable String id, @Valid @RequestBody OrderRequests.ChangeStatus request) {
        Order order = get(id);
        order.setVersion(request.version());
        order.setStatus(request.status());
        return orders.save(order);
    }
}
