package io.glen.spring.boot.data.shop;

import io.glen.spring.data.core.mapping.CompoundIndex;
import io.glen.spring.data.core.mapping.Document;
import io.glen.spring.data.core.mapping.Field;
import io.glen.spring.data.core.mapping.Indexed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;

@Document(collection = "orders")
@CompoundIndex(name = "by_status_total", fields = {"status", "total"})
public class Order {

    @Id
    private String id;

    @Version
    private Long version;

    @Indexed
    private String number;

    @Indexed
    private OrderStatus status;

    private Customer customer;

    @Indexed
    private double total;

    private BigDecimal discount;

    @Indexed
    private Instant createdAt;

    private LocalDate deliveryDate;

    @Field("labels")
    private List<String> tags;

    private List<Item> items;

    private Map<String, String> attributes;

    private boolean express;

    private String note;

    @Transient
    private String scratch;

    public Order() {
    }

    public Order(String number, OrderStatus status, Customer customer, double total, Instant createdAt) {
        this.number = number;
        this.status = status;
        this.customer = customer;
        this.total = total;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public OrderStatus getStatus() { return status; }
    public void setStatus(OrderStatus status) { this.status = status; }
    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public double getTotal() { return total; }
    public void setTotal(double total) { this.total = total; }
    public BigDecimal getDiscount() { return discount; }
    public void setDiscount(BigDecimal discount) { this.discount = discount; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public LocalDate getDeliveryDate() { return deliveryDate; }
    public void setDeliveryDate(LocalDate deliveryDate) { this.deliveryDate = deliveryDate; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags; }
    public List<Item> getItems() { return items; }
    public void setItems(List<Item> items) { this.items = items; }
    public Map<String, String> getAttributes() { return attributes; }
    public void setAttributes(Map<String, String> attributes) { this.attributes = attributes; }
    public boolean isExpress() { return express; }
    public void setExpress(boolean express) { this.express = express; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getScratch() { return scratch; }
    public void setScratch(String scratch) { this.scratch = scratch; }

    @Override
    public String toString() {
        return "Order[" + id + " " + number + " " + status + " " + total + "]";
    }
}
