package io.glen.engine.query;

import io.glen.engine.value.Value;
import java.util.List;
import java.util.stream.Collectors;

/** At least one of several filters. */
final class Disjunction extends Filter {

    private final List<Filter> filters;

    Disjunction(List<Filter> filters) {
        this.filters = List.copyOf(filters);
    }

    List<Filter> filters() {
        return filters;
    }

    @Override
    public boolean matches(Value document) {
        for (Filter filter : filters) {
            if (filter.matches(document)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return filters.stream().map(Object::toString).collect(Collectors.joining(" or ", "(", ")"));
    }
}
