package io.glen.sample.service;

import io.glen.sample.domain.Order;
import io.glen.sample.domain.OrderRepository;
import io.glen.sample.domain.OrderStatus;
import io.glen.sample.domain.Product;
import io.glen.sample.domain.ProductRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Shop traffic: seeds a catalogue, then places orders, restocks low products and moves orders
 * along (NEW → PAID → SHIPPED). Used by {@code POST /api/generate} and, with
 * {@code sample.generator.enabled=true}, in the background.
 */
@Service
public class DataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);

    private static final List<Product> CATALOGUE = List.of(
            new Product("CAB-USB-C", "USB-C cable 1 m", 40, 7.90),
            new Product("PWR-65W", "65 W power adapter", 15, 34.50),
            new Product("SSD-1TB", "NVMe SSD 1 TB", 8, 79.00),
            new Product("KB-MECH", "Mechanical keyboard", 12, 89.00),
            new Product("MOUSE-BT", "Bluetooth mouse", 25, 24.90),
            new Product("HUB-7P", "7-port USB hub", 10, 29.00),
            new Product("CAM-HD", "HD webcam", 6, 49.00),
            new Product("LAMP-LED", "LED desk lamp", 18, 39.90));

    private static final List<String> CUSTOMERS = List.of("ada", "grace", "linus", "barbara", "ken", "margaret",
            "dennis", "frances");

    private final ProductRepository products;
    private final OrderRepository orders;
    private final OrderService orderService;

    public DataGenerator(ProductRepository products, OrderRepository orders, OrderService orderService) {
        this.products = products;
        this.orders = orders;
        this.orderService = orderService;
    }

    /** What one call did. */
    public record Result(int productsCreated, int ordersPlaced, int outOfStock, int restocked, int advanced) {
    }

    /** Seeds missing catalogue products, then runs {@code count} random shop operations. */
    public Result generate(int count) {
        int created = seed();
        int placed = 0, outOfStock = 0, restocked = 0, advanced = 0;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            int dice = rnd.nextInt(10);
            try {
                if (dice < 6) {
                    placeRandomOrder(rnd);
                    placed++;
                } else if (dice < 8) {
                    restocked += restock(rnd) ? 1 : 0;
                } else {
                    advanced += advanceOrder(rnd) ? 1 : 0;
                }
            } catch (InsufficientStockException e) {
                outOfStock++;
            } catch (ConcurrencyFailureException e) {
                log.debug("generator operation conflicted: {}", e.toString());
            }
        }
        return new Result(created, placed, outOfStock, restocked, advanced);
    }

    private int seed() {
        int created = 0;
        for (Product template : CATALOGUE) {
            if (!products.existsById(template.getId())) {
                try {
                    products.save(new Product(template.getSku(), template.getName(), template.getStock(),
                            template.getPrice()));
                    created++;
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    // created concurrently
                }
            }
        }
        return created;
    }

    private void placeRandomOrder(ThreadLocalRandom rnd) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            lines.merge(CATALOGUE.get(rnd.nextInt(CATALOGUE.size())).getId(), 1 + rnd.nextInt(3), Integer::sum);
        }
        orderService.placeOrder(CUSTOMERS.get(rnd.nextInt(CUSTOMERS.size())), lines);
    }

    private boolean restock(ThreadLocalRandom rnd) {
        List<Product> low = products.findByStockLessThanOrderByStockAsc(5);
        if (low.isEmpty()) {
            return false;
        }
        Product p = low.get(0);
        p.setStock(p.getStock() + 10 + rnd.nextInt(20));
        p.setUpdatedAt(Instant.now());
        products.save(p);
        return true;
    }

    private boolean advanceOrder(ThreadLocalRandom rnd) {
        List<OrderStatus> order = rnd.nextBoolean() ? List.of(OrderStatus.NEW, OrderStatus.PAID)
                : List.of(OrderStatus.PAID, OrderStatus.NEW);
        for (OrderStatus from : order) {
            List<Order> oldest = orders.findByStatus(from, PageRequest.of(0, 1, Sort.by("createdAt"))).getContent();
            if (!oldest.isEmpty()) {
                Order o = oldest.get(0);
                o.setStatus(from == OrderStatus.NEW ? OrderStatus.PAID : OrderStatus.SHIPPED);
                orders.save(o);
                return true;
            }
        }
        return false;
    }
}
