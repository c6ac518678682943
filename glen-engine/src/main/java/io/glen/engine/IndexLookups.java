package io.glen.engine;

import io.glen.engine.index.IndexDefinition;
import io.glen.engine.query.Direction;
import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.engine.value.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link GlenDB#findBy} and {@link GlenDB#rangeBy} as queries planned onto the named index. */
final class IndexLookups {

    private IndexLookups() {
    }

    static List<Document> findBy(Query query, IndexDefinition definition, List<Value> key, int limit) {
        if (key.isEmpty() || key.size() > definition.paths().size()) {
            throw new IllegalArgumentException("index '" + definition.name() + "' has " + definition.paths().size()
                    + " paths; findBy needs 1 to that many key values, got " + key.size());
        }
        Filter filter = Filter.all();
        for (int i = 0; i < key.size(); i++) {
            filter = filter.and(Filter.eq(definition.paths().get(i), key.get(i)));
        }
        return query.where(filter).useIndex(definition.name()).limit(limit).list();
    }

    static List<Document> rangeBy(Query query, IndexDefinition definition, List<Value> prefix, @Nullable Value min,
                                  @Nullable Value max, boolean minInclusive, boolean maxInclusive, int limit,
                                  boolean ascending) {
        if (prefix.size() >= definition.paths().size()) {
            throw new IllegalArgumentException("index '" + definition.name() + "' has " + definition.paths().size()
                    + " paths; a range needs a prefix shorter than that, got " + prefix.size());
        }
        Filter filter = Filter.all();
        for (int i = 0; i < prefix.size(); i++) {
            filter = filter.and(Filter.eq(definition.paths().get(i), prefix.get(i)));
        }
        String path = definition.paths().get(prefix.size());
        if (min != null) {
            filter = filter.and(minInclusive ? Filter.gte(path, min) : Filter.gt(path, min));
        }
        if (max != null) {
            filter = filter.and(maxInclusive ? Filter.lte(path, max) : Filter.lt(path, max));
        }
        if (min == null && max == null) {
            filter = filter.and(Filter.exists(path));
        }
        Query ordered = query.where(filter).orderBy(path, ascending ? Direction.ASC : Direction.DESC).limit(limit);
        return (min == null && max == null && prefix.isEmpty() ? ordered : ordered.useIndex(definition.name())).list();
    }
}
