package io.glen.sample.service;

/** An order asks for more than is in stock: answered with 409. Nothing was reserved. */
public class InsufficientStockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String productId;
    private final int requested;
    private final int available;

    public InsufficientStockException(String productId, int requested, int available) {
        super("insufficient stock for product '" + productId + "': requested " + requested + ", available "
                + available);
        this.productId = productId;
        this.requested = requested;
        this.available = available;
    }

    public String getProductId() { return productId; }
    public int getRequested() { return requested; }
    public int getAvailable() { return available; }
}
