package io.glen.sample.domain;

/** One product of an order, with the price at the time it was placed. */
public record OrderLine(String productId, int quantity, double unitPrice) {
}
