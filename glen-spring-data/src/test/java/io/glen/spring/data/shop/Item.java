package io.glen.spring.data.shop;

public record Item(String sku, int quantity, double price) {
}
