package io.glen.sample.domain;

import io.glen.spring.data.core.mapping.Document;
import io.glen.spring.data.core.mapping.Indexed;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A product on the shelf. Its id is its SKU. */
@Document("products")
public class Product {

    @Id
    private String id;

    @Version
    private Long version;

    @Indexed
    private String sku;

    private String name;

    @Indexed
    private int stock;

    private double price;

    private Instant updatedAt;

    public Product() {
    }

    public Product(String sku, String name, int stock, double price) {
        this.id = sku;
        this.sku = sku;
        this.name = name;
        this.stock = stock;
        this.price = price;
        this.updatedAt = Instant.now();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getSku() { return sku; }
    public void setSku(String sku) { this.sku = sku; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getStock() { return stock; }
    public void setStock(int stock) { this.stock = stock; }
    public double getPrice() { return price; }
    public void setPrice(double price) { this.price = price; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
