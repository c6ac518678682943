package io.glen.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.sample.domain.Order;
import io.glen.sample.domain.OrderRepository;
import io.glen.sample.domain.OrderStatus;
import io.glen.sample.domain.Product;
import io.glen.sample.domain.ProductRepository;
import io.glen.sample.service.OrderService;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;

/** The application stopped and started again on the same data directory still has its data. */
class RestartTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SampleApplication.class)
                .web(WebApplicationType.NONE)
                .run("--glen.dir=" + dir.toAbsolutePath(), "--sample.generator.enabled=false",   // arguments: they
                        "--spring.main.banner-mode=off");                                          // override application.yml
    }

    @Test
    void dataSurvivesARestart() {
        String orderId;
        long productVersion;
        try (ConfigurableApplicationContext first = start()) {
            ProductRepository products = first.getBean(ProductRepository.class);
            products.save(new Product("KEEP-1", "kept", 10, 4.0));
            orderId = first.getBean(OrderService.class).placeOrder("ada", Map.of("KEEP-1", 3)).getId();
            productVersion = products.findById("KEEP-1").orElseThrow().getVersion();
        }
        try (ConfigurableApplicationContext second = start()) {
            ProductRepository products = second.getBean(ProductRepository.class);
            OrderRepository orders = second.getBean(OrderRepository.class);
            Product p = products.findById("KEEP-1").orElseThrow();
            assertThat(p.getStock()).isEqualTo(7);
            assertThat(p.getVersion()).isEqualTo(productVersion);
            Order o = orders.findById(orderId).orElseThrow();
            assertThat(o.getCustomer()).isEqualTo("ada");
            assertThat(o.getTotal()).isEqualTo(12.0);
            // indexes are rebuilt on open: the derived queries still find the data
            assertThat(orders.findByStatus(OrderStatus.NEW, Pageable.unpaged()).getContent())
                    .extracting(Order::getId).containsExactly(orderId);
            assertThat(products.findByStockLessThanOrderByStockAsc(8)).extracting(Product::getId)
                    .containsExactly("KEEP-1");
        }
    }
}
