package io.glen.spring.boot.data.shop;

public record Item(String sku, int quantity, double price) {
}
