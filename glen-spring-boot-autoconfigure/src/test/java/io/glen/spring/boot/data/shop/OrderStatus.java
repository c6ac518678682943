package io.glen.spring.boot.data.shop;

public enum OrderStatus {
    OPEN, PAID, SHIPPED, CANCELLED
}
