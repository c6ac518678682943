package io.glen.spring.data.shop;

/** A DTO projection. */
public record OrderTotal(String number, double total) {
}
