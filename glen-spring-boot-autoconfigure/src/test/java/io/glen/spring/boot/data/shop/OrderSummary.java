package io.glen.spring.boot.data.shop;

/** An interface projection. */
public interface OrderSummary {
    String getNumber();

    OrderStatus getStatus();
}
