package io.glen.engine.query;

import io.glen.engine.value.Value;

/** The negation of a filter. */
final class Negation extends Filter {

    private final Filter filter;

    Negation(Filter filter) {
        this.filter = filter;
    }

    @Override
    public boolean matches(Value document) {
        return !filter.matches(document);
    }

    @Override
    public String toString() {
        return "not " + filter;
    }
}
