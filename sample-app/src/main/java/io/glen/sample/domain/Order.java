package io.glen.sample.domain;

import io.glen.spring.data.core.mapping.CompoundIndex;
import io.glen.spring.data.core.mapping.Document;
import io.glen.spring.data.core.mapping.Indexed;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A customer's order. */
@Document("orders")
@CompoundIndex(name = "by_status_created", fields = {"status", "createdAt"})
@CompoundIndex(name = "by_status_total", fields = {"status", "total"})
public class Order {

    @Id
    private String id;

    @Version
    private Long version;

    @Indexed
    private OrderStatus status;

    @Indexed
    private String customer;

    @Indexed
    private double total;

    @Indexed
    private Instant createdAt;

    private List<OrderLine> lines;

    public Order() {
    }

    public Order(String customer, List<OrderLine> lines, Instant createdAt) {
        this.customer = customer;
        this.lines = List.copyOf(lines);
        this.status = OrderStatus.NEW;
        this.createdAt = createdAt;
        this.total = Math.round(lines.stream().mapToDouble(l -> l.quantity() * l.unitPrice()).sum() * 100) / 100.0;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public OrderStatus getStatus() { return status; }
    public void setStatus(OrderStatus status) { this.status = status; }
    public String getCustomer() { return customer; }
    public void setCustomer(String customer) { this.customer = customer; }
    public double getTotal() { return total; }
    public void setTotal(double total) { this.total = total; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public List<OrderLine> getLines() { return lines; }
    public void setLines(List<OrderLine> lines) { this.lines = lines; }
}
