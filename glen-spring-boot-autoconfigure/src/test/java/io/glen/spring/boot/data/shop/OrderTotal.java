package io.glen.spring.boot.data.shop;

/** A DTO projection. */
public record OrderTotal(String number, double total) {
}
