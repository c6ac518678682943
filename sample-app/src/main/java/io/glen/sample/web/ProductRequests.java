package io.glen.sample.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the product API. */
public final class ProductRequests {

    /**
     * The highest price accepted. Also what keeps a number too large for a double (JSON {@code 1e400}
     * parses as Infinity) out: it is above the maximum and answered with 400, never stored.
     */
    static final String MAX_PRICE = "1000000.00";

    private ProductRequests() {
    }

    /** A new product; its SKU becomes its id. */
    public record Create(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 letters, digits, '-' or '_'") String sku,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(0) @Max(1_000_000) Integer stock,
            @NotNull @DecimalMin("0.0") @DecimalMax(MAX_PRICE) Double price) {
    }

    /** A change of a product; {@code version} is the version the client read (stale: 409). */
    public record Update(
            @NotNull Long version,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(0) @Max(1_000_000) Integer stock,
            @NotNull @DecimalMin("0.0") @DecimalMax(MAX_PRICE) Double price) {
    }
}
