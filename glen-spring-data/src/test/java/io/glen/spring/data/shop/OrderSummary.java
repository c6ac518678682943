package io.glen.spring.data.shop;

/** An interface projection. */
public interface OrderSummary {
    String getNumber();

    OrderStatus getStatus();
}
