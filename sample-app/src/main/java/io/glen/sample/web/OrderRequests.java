package io.glen.sample.web;

import io.glen.sample.domain.OrderStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the order API. */
public final class OrderRequests {

    private OrderRequests() {
    }

    /** Place an order: reserve stock for every line and create the order atomically. */
    public record Place(
            @NotBlank @Size(max = 100) String customer,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull Line> lines) {
    }

    /** One line of an order. */
    public record Line(@NotBlank String productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    /** Move an order to another status; {@code version} is the version the client read (stale: 409). */
    public record ChangeStatus(@NotNull Long version, @NotNull OrderStatus status) {
    }
}
