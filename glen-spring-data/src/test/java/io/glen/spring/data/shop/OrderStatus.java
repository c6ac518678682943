package io.glen.spring.data.shop;

public enum OrderStatus {
    OPEN, PAID, SHIPPED, CANCELLED
}
