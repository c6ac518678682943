package io.glen.engine.query;

import io.glen.engine.value.Value;

/** The filter every document satisfies. */
final class MatchAll extends Filter {

    static final MatchAll INSTANCE = new MatchAll();

    private MatchAll() {
    }

    @Override
    public boolean matches(Value document) {
        return true;
    }

    @Override
    public String toString() {
        return "all";
    }
}
