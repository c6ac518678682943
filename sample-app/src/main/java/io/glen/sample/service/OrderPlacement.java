package io.glen.sample.service;

import io.glen.sample.domain.Order;
import io.glen.sample.domain.OrderLine;
import io.glen.sample.domain.OrderRepository;
import io.glen.sample.domain.Product;
import io.glen.sample.domain.ProductRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One attempt at placing an order: reserve the stock of every product and create the order in ONE
 * Glen transaction. The products are read with {@code findById}, so their versions are checked at
 * commit: if another order took stock meanwhile, the commit throws
 * {@code OptimisticLockingFailureException} and nothing is written ({@link OrderService} retries).
 */
@Component
class OrderPlacement {

    private final ProductRepository products;
    private final OrderRepository orders;

    OrderPlacement(ProductRepository products, OrderRepository orders) {
        this.products = products;
        this.orders = orders;
    }

    @Transactional
    public String placeOnce(String customer, Map<String, Integer> quantities) {
        List<OrderLine> lines = new ArrayList<>();
        Map<String, Product> reserved = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : quantities.entrySet()) {
            Product p = products.findById(e.getKey()).orElseThrow(() -> new NotFoundException("product", e.getKey()));
            int qty = e.getValue();
            if (p.getStock() < qty) {
                throw new InsufficientStockException(p.getId(), qty, p.getStock());   // rollback: nothing written
            }
            p.setStock(p.getStock() - qty);
            p.setUpdatedAt(Instant.now());
            reserved.put(p.getId(), p);
            lines.add(new OrderLine(p.getId(), qty, p.getPrice()));
        }
        products.saveAll(reserved.values());                  // staged
        Order order = orders.save(new Order(customer, lines, Instant.now()));   // staged, id generated now
        return order.getId();
    }                                                         // commit: stock and order together, or neither
}
