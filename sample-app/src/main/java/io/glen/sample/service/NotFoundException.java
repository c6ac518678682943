package io.glen.sample.service;

/** An id that names no document: answered with 404. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' not found");
    }
}
