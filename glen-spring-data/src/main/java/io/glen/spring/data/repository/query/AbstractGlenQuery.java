package io.glen.spring.data.repository.query;

import io.glen.engine.Document;
import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.convert.DtoInstantiatingConverter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ResultProcessor;
import org.springframework.data.repository.query.ReturnedType;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Runs a repository query method on Glen: a subclass supplies the filter (derived from the method
 * name or parsed from {@code @Query}) and the static sort, limit and kind of query; this class turns
 * sorting, paging and scrolling into the engine query's order, offset, limit and keyset cursor,
 * lets the engine plan and run it, and shapes the result as the method returns it: List, Stream,
 * Optional or a single result, {@code Page}, {@code Slice}, {@code Window}, count, exists, delete,
 * and interface, DTO and dynamic projections.
 */
public abstract class AbstractGlenQuery implements RepositoryQuery {

    private final QueryMethod method;
    private final GlenEntityTemplate template;
    private final Class<?> domainType;

    /** A query for {@code method} run on {@code template}. */
    protected AbstractGlenQuery(QueryMethod method, GlenEntityTemplate template) {
        this.method = method;
        this.template = template;
        this.domainType = method.getEntityInformation().getJavaType();
    }

    @Override
    public QueryMethod getQueryMethod() {
        return method;
    }

    /** The filter for one invocation. */
    protected abstract Filter createFilter(ParametersParameterAccessor accessor, Object[] arguments);

    /** The order every invocation has (before any {@code Sort} or {@code Pageable} argument's). */
    protected abstract Sort getStaticSort(ParametersParameterAccessor accessor);

    /** The most results the method may return (Top/First), or null. */
    protected abstract @Nullable Integer getMaxResults();

    /** Whether the method counts. */
    protected abstract boolean isCountQuery();

    /** Whether the method tests existence. */
    protected abstract boolean isExistsQuery();

    /** Whether the method deletes what it finds. */
    protected abstract boolean isDeleteQuery();

    /** The documents as read from the store, before mapping (a field projection narrows them). */
    protected List<Document> shape(List<Document> documents) {
        return documents;
    }

    /** The template. */
    protected GlenEntityTemplate getTemplate() {
        return template;
    }

    /** The entity type of the repository. */
    protected Class<?> getDomainType() {
        return domainType;
    }

    @Override
    public @Nullable Object execute(Object[] parameters) {
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(method.getParameters(), parameters);
        ResultProcessor processor = method.getResultProcessor().withDynamicProjection(accessor);
        Filter filter = createFilter(accessor, parameters);
        Sort sort = getStaticSort(accessor).and(accessor.getSort());
        Pageable pageable = accessor.getPageable();
        if (pageable.isPaged()) {
            sort = sort.and(pageable.getSort());
        }
        Integer top = getMaxResults();

        if (isCountQuery()) {
            return template.count(domainType, filter);
        }
        if (isExistsQuery()) {
            return template.exists(domainType, filter);
        }
        if (isDeleteQuery()) {
            List<?> doomed = read(documents(filter, sort, 0, top));
            doomed.forEach(template::delete);
            return method.isCollectionQuery() ? doomed : (Object) (long) doomed.size();
        }
        if (method.isPageQuery()) {
            long offset = pageable.isPaged() ? pageable.getOffset() : 0;
            Integer size = pageable.isPaged() ? Integer.valueOf(pageable.getPageSize()) : top;
            List<?> content = read(documents(filter, sort, offset, min(size, top)));
            return PageableExecutionUtils.getPage(project(processor, content), pageable,
                    () -> top == null ? template.count(domainType, filter)
                            : Math.min(top, template.count(domainType, filter)));
        }
        if (method.isSliceQuery()) {
            long offset = pageable.isPaged() ? pageable.getOffset() : 0;
            int size = pageable.isPaged() ? pageable.getPageSize() : (top == null ? Integer.MAX_VALUE - 1 : top);
            List<?> content = read(documents(filter, sort, offset, size + 1));
            boolean hasNext = content.size() > size;
            List<?> shown = hasNext ? content.subList(0, size) : content;
            return new SliceImpl<>(project(processor, shown), pageable, hasNext);
        }
        if (method.isScrollQuery()) {
            WindowQuery window = new WindowQuery(template, domainType, filter, sort, top == null ? 10 : top);
            WindowQuery.Result result = window.scroll(accessor.getScrollPosition());
            return result.toWindow(project(processor, read(shape(result.documents()))));
        }
        List<?> results = read(documents(filter, sort, 0, method.isCollectionQuery() || method.isStreamQuery()
                ? top : Integer.valueOf(top == null ? 2 : Math.min(top, 2))));
        if (method.isStreamQuery()) {
            return project(processor, results).stream();
        }
        if (method.isCollectionQuery()) {
            return project(processor, results);
        }
        if (results.size() > 1 && (top == null || top > 1)) {
            throw new IncorrectResultSizeDataAccessException(1, results.size());
        }
        return results.isEmpty() ? null : project(processor, results).get(0);
    }

    private List<Document> documents(Filter filter, Sort sort, long offset, @Nullable Integer limit) {
        Function<Query, Query> spec = q -> {
            Query query = template.applySort(q.where(filter), domainType, sort);
            if (offset > 0) {
                query.offset(offset);
            }
            return limit == null ? query : query.limit(limit);
        };
        return shape(template.findDocuments(domainType, spec));
    }

    private List<?> read(List<Document> documents) {
        List<Object> entities = new ArrayList<>(documents.size());
        for (Document document : documents) {
            entities.add(template.read(domainType, document));
        }
        return entities;
    }

    private List<?> project(ResultProcessor processor, List<?> entities) {
        ReturnedType returned = processor.getReturnedType();
        if (!returned.isProjecting()) {
            return entities;
        }
        Converter<Object, Object> converter = returned.getReturnedType().isInterface() ? null
                : new DtoInstantiatingConverter(returned.getReturnedType(), template.getMappingContext(),
                        new EntityInstantiators());
        List<Object> projected = new ArrayList<>(entities.size());
        for (Object entity : entities) {
            projected.add(converter == null ? processor.processResult(entity) : processor.processResult(entity, converter));
        }
        return projected;
    }

    private static @Nullable Integer min(@Nullable Integer a, @Nullable Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }
}
