package io.glen.sample.service;

import io.glen.sample.domain.Order;
import io.glen.sample.domain.OrderRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;

/** Places orders, retrying the whole transaction when a concurrent order changed the same products. */
@Service
public class OrderService {

    /** Attempts of one order before the conflict is given to the caller (HTTP 409). */
    public static final int MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderPlacement placement;
    private final OrderRepository orders;

    OrderService(OrderPlacement placement, OrderRepository orders) {
        this.placement = placement;
        this.orders = orders;
    }

    /**
     * Reserves {@code quantities} (product id → quantity; repeated products are added up) and creates
     * the order atomically.
     *
     * @throws InsufficientStockException when a product has too little stock (nothing reserved)
     * @throws NotFoundException when a product does not exist
     * @throws ConcurrencyFailureException when every attempt conflicted
     */
    public Order placeOrder(String customer, Map<String, Integer> quantities) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        quantities.forEach((id, q) -> merged.merge(id, q, Integer::sum));
        for (int attempt = 1; ; attempt++) {
            try {
                String id = placement.placeOnce(customer, merged);
                return orders.findById(id).orElseThrow(() -> new NotFoundException("order", id));
            } catch (ConcurrencyFailureException e) {   // includes OptimisticLockingFailureException
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.debug("order for {} conflicted (attempt {}), retrying", customer, attempt);
                try {
                    Thread.sleep(attempt * 5L);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
