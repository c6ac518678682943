package io.glen.sample.web;

import io.glen.sample.domain.Product;
import io.glen.sample.domain.ProductRepository;
import io.glen.sample.service.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Products: list with paging, get, create, update (optimistic), delete, low stock. */
@RestController
@RequestMapping("/api/products")
public class ProductController {

    private final ProductRepository products;

    public ProductController(ProductRepository products) {
        this.products = products;
    }

    /** {@code ?page=0&size=20&sort=stock,asc} (sortable: sku, name, stock, price, updatedAt). */
    @GetMapping
    public PagedModel<Product> list(@PageableDefault(size = 20, sort = "sku") Pageable pageable) {
        return new PagedModel<>(products.findAll(pageable));
    }

    @GetMapping("/{id}")
    public Product get(@PathVariable String id) {
        return products.findById(id).orElseThrow(() -> new NotFoundException("product", id));
    }

    /** Products with fewer than {@code threshold} items in stock, lowest first. */
    @GetMapping("/low-stock")
    public List<Product> lowStock(@RequestParam(defaultValue = "5") @Min(1) @Max(1_000_000) int threshold) {
        return products.findByStockLessThanOrderByStockAsc(threshold);
    }

    /** Creates a product; an existing SKU is a 409. */
    @PostMapping
    public ResponseEntity<Product> create(@Valid @RequestBody ProductRequests.Create request) {
        Product saved = products.save(new Product(request.sku(), request.name(), request.stock(), request.price()));
        return ResponseEntity.created(URI.create("/api/products/" + saved.getId())).body(saved);
    }

    /** Updates a product if {@code version} is still current; otherwise 409. */
    @PutMapping("/{id}")
    public Product update(@PathVariable String id, @Valid @RequestBody ProductRequests.Update request) {
        Product p = get(id);
        p.setVersion(request.version());
        p.setName(request.name());
        p.setStock(request.stock());
        p.setPrice(request.price());
        p.setUpdatedAt(Instant.now());
        return products.save(p);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        products.delete(get(id));
        return ResponseEntity.noContent().build();
    }

}
