package io.glen.sample.domain;

/** Where an order is. */
public enum OrderStatus {
    NEW, PAID, SHIPPED, CANCELLED
}
