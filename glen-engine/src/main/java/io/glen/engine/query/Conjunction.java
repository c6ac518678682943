package io.glen.engine.query;

import io.glen.engine.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** All of several filters (nested conjunctions are flattened). */
final class Conjunction extends Filter {

    private final List<Filter> filters;

    Conjunction(List<Filter> filters) {
        List<Filter> flat = new ArrayList<>();
        for (Filter filter : filters) {
            if (filter instanceof Conjunction inner) {
                flat.addAll(inner.filters);
            } else if (!(filter instanceof MatchAll)) {
                flat.add(filter);
            }
        }
        this.filters = List.copyOf(flat);
    }

    List<Filter> filters() {
        return filters;
    }

    @Override
    public boolean matches(Value document) {
        for (Filter filter : filters) {
            if (!filter.matches(document)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return filters.isEmpty() ? "all" : filters.stream().map(Object::toString).collect(Collectors.joining(" and ", "(", ")"));
    }
}
