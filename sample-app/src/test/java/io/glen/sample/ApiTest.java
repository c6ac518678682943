package io.glen.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.glen.sample.domain.Order;
import io.glen.sample.domain.OrderRepository;
import io.glen.sample.domain.OrderStatus;
import io.glen.sample.domain.Product;
import io.glen.sample.domain.ProductRepository;
import io.glen.sample.service.InsufficientStockException;
import io.glen.sample.service.OrderService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The REST API through MockMvc, including its 400, 404 and 409 answers, and the transactional order. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductRepository products;

    @Autowired
    OrderRepository orders;

    @Autowired
    OrderService orderService;

    private static String sku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void createProduct(String sku, int stock, double price) throws Exception {
        mvc.perform(post("/api/products").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sku\":\"" + sku + "\",\"name\":\"Test " + sku + "\",\"stock\":" + stock + ",\"price\":"
                        + price + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(sku))
                .andExpect(jsonPath("$.version").isNumber());
    }

    @Test
    void createsGetsAndPagesProducts() throws Exception {
        String a = sku(), b = sku();
        createProduct(a, 3, 9.5);
        createProduct(b, 7, 1.25);
        mvc.perform(get("/api/products/" + a))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Test " + a))
                .andExpect(jsonPath("$.stock").value(3));
        mvc.perform(get("/api/products?page=0&size=1&sort=stock,desc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.page.size").value(1))
                .andExpect(jsonPath("$.page.totalElements").isNumber());
        mvc.perform(get("/api/products/low-stock?threshold=4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"" + a + "\"")));
        mvc.perform(get("/api/products?sort=nonsense"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("nonsense")));
    }

    @Test
    void invalidBodiesAreProblemDetails400() throws Exception {
        mvc.perform(post("/api/products").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sku\":\"bad sku!\",\"name\":\"\",\"stock\":-1,\"price\":2}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value(containsString("stock must be greater than or equal to 0")))
                .andExpect(jsonPath("$.detail").value(containsString("name must not be blank")))
                .andExpect(jsonPath("$.errors.length()").value(3));
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customer\":\"ada\",\"lines\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("lines must not be empty")));
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(get("/api/orders/top?n=99"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("n must be less than or equal to 10")));
        mvc.perform(get("/api/orders?status=LOST"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/generate?count=0"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void unknownIdsAre404() throws Exception {
        mvc.perform(get("/api/products/NO-SUCH"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("product 'NO-SUCH' not found"));
        mvc.perform(get("/api/orders/no-such-order"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/orders/no-such-order/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"status\":\"PAID\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customer\":\"ada\",\"lines\":[{\"productId\":\"NO-SUCH\",\"quantity\":1}]}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void staleVersionsAndDuplicatesAre409() throws Exception {
        String a = sku();
        createProduct(a, 5, 2.0);
        mvc.perform(post("/api/products").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sku\":\"" + a + "\",\"name\":\"again\",\"stock\":1,\"price\":1}"))
                .andExpect(status().isConflict());
        long version = products.findById(a).orElseThrow().getVersion();
        String update = "{\"version\":" + version + ",\"name\":\"renamed\",\"stock\":6,\"price\":2.5}";
        mvc.perform(put("/api/products/" + a).contentType(MediaType.APPLICATION_JSON).content(update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("renamed"))
                .andExpect(jsonPath("$.version").value(org.hamcrest.Matchers.greaterThan((int) version)));
        mvc.perform(put("/api/products/" + a).contentType(MediaType.APPLICATION_JSON).content(update))  // same, now stale
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Conflict"));
        assertThat(products.findById(a).orElseThrow().getName()).isEqualTo("renamed");
    }

    @Test
    void placingAnOrderReservesStockAtomically() throws Exception {
        String a = sku(), b = sku();
        createProduct(a, 5, 10.0);
        createProduct(b, 1, 2.5);
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customer\":\"ada\",\"lines\":[{\"productId\":\"" + a + "\",\"quantity\":2},"
                        + "{\"productId\":\"" + b + "\",\"quantity\":1}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.total").value(22.5))
                .andExpect(jsonPath("$.lines.length()").value(2));
        assertThat(products.findById(a).orElseThrow().getStock()).isEqualTo(3);
        assertThat(products.findById(b).orElseThrow().getStock()).isZero();

        long ordersBefore = orders.count();
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)   // a is fine, b is sold out
                .content("{\"customer\":\"grace\",\"lines\":[{\"productId\":\"" + a + "\",\"quantity\":1},"
                        + "{\"productId\":\"" + b + "\",\"quantity\":1}]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Insufficient stock"))
                .andExpect(jsonPath("$.detail").value(
                        "insufficient stock for product '" + b + "': requested 1, available 0"))
                .andExpect(jsonPath("$.productId").value(b));
        assertThat(products.findById(a).orElseThrow().getStock()).as("nothing reserved").isEqualTo(3);
        assertThat(orders.count()).isEqualTo(ordersBefore);
    }

    @Test
    void concurrentOrdersNeverOversell() throws Exception {
        String a = sku();
        products.save(new Product(a, "contended", 20, 1.0));
        int threads = 4, perThread = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        List<Future<Integer>> placed = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            placed.add(pool.submit(() -> {
                start.await();
                int n = 0;
                for (int i = 0; i < perThread; i++) {
                    try {
                        orderService.placeOrder("c", Map.of(a, 1));
                        n++;
                    } catch (InsufficientStockException e) {
                        // sold out: expected once 20 are gone
                    } catch (RuntimeException e) {   // a conflict after every retry is allowed, but counted
                        if (!(e instanceof org.springframework.dao.ConcurrencyFailureException)) {
                            unexpected.add(e);
                        }
                    }
                }
                return n;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : placed) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(unexpected).isEmpty();
        int stock = products.findById(a).orElseThrow().getStock();
        assertThat(stock).isGreaterThanOrEqualTo(0);
        assertThat(total + stock).as("stock taken equals orders placed").isEqualTo(20);
        long ordersOfA = orders.findAll().stream()
                .filter(o -> o.getLines().stream().anyMatch(l -> l.productId().equals(a))).count();
        assertThat(ordersOfA).isEqualTo(total);
    }

    @Test
    void ordersByStatusBetweenTimestampsAndTop() throws Exception {
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        String customer = "range-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            Order o = new Order(customer, List.of(new io.glen.sample.domain.OrderLine("X", 1, 1000.0 + i)),
                    t0.plusSeconds(i * 60L));
            o.setStatus(i % 2 == 0 ? OrderStatus.SHIPPED : OrderStatus.CANCELLED);
            orders.save(o);
        }
        mvc.perform(get("/api/orders?from=2020-01-01T00:01:00Z&to=2020-01-01T00:03:00Z&sort=createdAt,asc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(3))
                .andExpect(jsonPath("$.content[0].createdAt").value("2020-01-01T00:01:00Z"))
                .andExpect(jsonPath("$.content[2].createdAt").value("2020-01-01T00:03:00Z"));
        mvc.perform(get("/api/orders?status=CANCELLED&size=1&page=1&sort=total,desc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].total").value(1001.0))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/orders/top?n=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].total").value(1004.0))
                .andExpect(jsonPath("$[1].total").value(1003.0));
        String id = orders.findByStatus(OrderStatus.SHIPPED, org.springframework.data.domain.Pageable.unpaged())
                .getContent().stream().filter(o -> o.getCustomer().equals(customer)).findFirst().orElseThrow().getId();
        long v = orders.findById(id).orElseThrow().getVersion();
        mvc.perform(put("/api/orders/" + id + "/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + v + ",\"status\":\"CANCELLED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(put("/api/orders/" + id + "/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + v + ",\"status\":\"PAID\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void generatorAndActuator() throws Exception {
        mvc.perform(post("/api/generate?count=10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ordersPlaced").isNumber());
        assertThat(products.existsById("CAB-USB-C")).isTrue();
        mvc.perform(get("/actuator/glen"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.collections.products").isNumber())
                .andExpect(jsonPath("$.wal.sync").value("always"));
        mvc.perform(post("/actuator/glen").contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"compact\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.action").value("compact"));
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.glen.status").value("UP"));
        mvc.perform(get("/actuator/metrics/glen.commits"))
                .andExpect(status().isOk());
    }
}
