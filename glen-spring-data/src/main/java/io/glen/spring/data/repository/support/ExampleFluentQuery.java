package io.glen.spring.data.repository.support;

import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.convert.DtoInstantiatingConverter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.projection.SpelAwareProxyProjectionFactory;
import org.springframework.data.repository.query.FluentQuery;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * The fluent Query-by-Example API of {@code findBy(example, query -> ...)} on Glen: sorting,
 * limiting, projecting to interfaces or DTOs, and every fetch form.
 *
 * @param <S> the entity type
 * @param <R> the result type
 */
final class ExampleFluentQuery<S, R> implements FluentQuery.FetchableFluentQuery<R> {

    private final GlenEntityTemplate template;
    private final Class<S> domainType;
    private final Class<R> resultType;
    private final Filter filter;
    private final Sort sort;
    private final int limit;

    ExampleFluentQuery(GlenEntityTemplate template, Class<S> domainType, Class<R> resultType, Filter filter, Sort sort,
                       int limit) {
        this.template = template;
        this.domainType = domainType;
        this.resultType = resultType;
        this.filter = filter;
        this.sort = sort;
        this.limit = limit;
    }

    @Override
    public FetchableFluentQuery<R> sortBy(Sort sort) {
        return new ExampleFluentQuery<>(template, domainType, resultType, filter, this.sort.and(sort), limit);
    }

    @Override
    public FetchableFluentQuery<R> limit(int limit) {
        return new ExampleFluentQuery<>(template, domainType, resultType, filter, sort, limit);
    }

    @Override
    public <N> FetchableFluentQuery<N> as(Class<N> resultType) {
        return new ExampleFluentQuery<>(template, domainType, resultType, filter, sort, limit);
    }

    @Override
    public FetchableFluentQuery<R> project(Collection<String> properties) {
        // Whole documents are read anyway; projections are applied with as(type).
        return this;
    }

    @Override
    public @Nullable R oneValue() {
        List<R> results = fetch(q -> q.limit(2));
        if (results.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(1, results.size());
        }
        return results.isEmpty() ? null : results.get(0);
    }

    @Override
    public @Nullable R firstValue() {
        List<R> results = fetch(q -> q.limit(1));
        return results.isEmpty() ? null : results.get(0);
    }

    @Override
    public List<R> all() {
        return fetch(q -> q);
    }

    @Override
    public Page<R> page(Pageable pageable) {
        if (pageable.isUnpaged()) {
            return PageableExecutionUtils.getPage(all(), pageable, this::count);
        }
        List<R> content = new ExampleFluentQuery<>(template, domainType, resultType, filter, sort.and(pageable.getSort()),
                limit).fetch(q -> q.offset(pageable.getOffset()).limit(pageable.getPageSize()));
        return PageableExecutionUtils.getPage(content, pageable, this::count);
    }

    @Override
    public Stream<R> stream() {
        return all().stream();
    }

    @Override
    public long count() {
        return template.count(domainType, filter);
    }

    @Override
    public boolean exists() {
        return template.exists(domainType, filter);
    }

    private List<R> fetch(Function<Query, Query> page) {
        List<S> entities = template.find(domainType, q -> {
            Query query = page.apply(template.applySort(q.where(filter), domainType, sort));
            return limit > 0 ? query.limit(limit) : query;
        });
        return entities.stream().map(this::convert).toList();
    }

    @SuppressWarnings("unchecked")
    private R convert(S entity) {
        if (resultType.isInstance(entity)) {
            return (R) entity;
        }
        if (resultType.isInterface()) {
            return new SpelAwareProxyProjectionFactory().createProjection(resultType, entity);
        }
        return (R) new DtoInstantiatingConverter(resultType, template.getMappingContext(), new EntityInstantiators())
                .convert(entity);
    }
}
