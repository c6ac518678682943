package io.glen.spring.data.repository.query;

import io.glen.engine.Document;
import io.glen.engine.query.Cursor;
import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.engine.query.SortOrder;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.convert.DtoInstantiatingConverter;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ResultProcessor;
import org.springframework.data.repository.query.ReturnedType;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * Runs a derived query method: the {@link PartTree} becomes a Glen filter ({@link GlenQueryCreator}),
 * sorting, paging, Top/First and scrolling become the engine query's order, offset, limit and
 * keyset cursor, and the engine plans and runs it. Supports List, Stream, Optional and single
 * results, {@code Page}, {@code Slice}, {@code Window} (offset and forward keyset scrolling),
 * count, exists and delete queries, and interface and DTO projections.
 */
public class GlenPartTreeQuery implements RepositoryQuery {

    private static final String KEYSET_ID = "__glenId";

    private final QueryMethod method;
    private final GlenEntityTemplate template;
    private final PartTree tree;
    private final Class<?> domainType;

    /** A query for {@code method} of a repository of {@code domainType}. */
    public GlenPartTreeQuery(QueryMethod method, GlenEntityTemplate template) {
        this.method = method;
        this.template = template;
        this.domainType = method.getEntityInformation().getJavaType();
        this.tree = new PartTree(method.getName(), domainType);
    }

    @Override
    public QueryMethod getQueryMethod() {
        return method;
    }

    @Override
    public @Nullable Object execute(Object[] parameters) {
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(method.getParameters(), parameters);
        ResultProcessor processor = method.getResultProcessor().withDynamicProjection(accessor);
        Filter filter = new GlenQueryCreator(tree, accessor, template).createQuery();
        Sort sort = tree.getSort().and(accessor.getSort());
        Pageable pageable = accessor.getPageable();
        if (pageable.isPaged()) {
            sort = sort.and(pageable.getSort());
        }
        Integer top = tree.getMaxResults();

        if (tree.isCountProjection()) {
            return template.count(domainType, filter);
        }
        if (tree.isExistsProjection()) {
            return template.exists(domainType, filter);
        }
        if (tree.isDelete()) {
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
            return scroll(processor, filter, sort, accessor.getScrollPosition(), top);
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

    private Window<?> scroll(ResultProcessor processor, Filter filter, Sort sort, @Nullable ScrollPosition position,
                             @Nullable Integer top) {
        int size = top == null ? 10 : top;
        if (position == null || position instanceof OffsetScrollPosition) {
            long offset = position == null || position.isInitial() ? 0 : ((OffsetScrollPosition) position).getOffset() + 1;
            List<?> content = read(documents(filter, sort, offset, size + 1));
            boolean hasNext = content.size() > size;
            List<?> shown = hasNext ? content.subList(0, size) : content;
            return Window.from(project(processor, shown), i -> ScrollPosition.offset(offset + i), hasNext);
        }
        KeysetScrollPosition keyset = (KeysetScrollPosition) position;
        if (keyset.scrollsBackward()) {
            throw new InvalidDataAccessApiUsageException("Glen scrolls keyset windows forward only");
        }
        List<SortOrder> orders = template.sortOrders(domainType, sort);
        Cursor cursor = keyset.isInitial() ? null : cursor(orders, sort, keyset.getKeys());
        List<Document> documents = template.findDocuments(domainType, q -> {
            Query query = template.applySort(q.where(filter), domainType, sort).limit(size + 1);
            return cursor == null ? query : query.after(cursor);
        });
        boolean hasNext = documents.size() > size;
        List<Document> shown = hasNext ? documents.subList(0, size) : documents;
        List<?> content = read(shown);
        return Window.from(project(processor, content), i -> keysetOf(orders, sort, shown.get(i)), hasNext);
    }

    private static Cursor cursor(List<SortOrder> orders, Sort sort, Map<String, Object> keys) {
        List<@Nullable Value> values = new ArrayList<>();
        for (Sort.Order order : sort) {
            Object key = keys.get(order.getProperty());
            values.add(key == null ? null : Value.of(key));
        }
        Object id = keys.get(KEYSET_ID);
        if (!(id instanceof String documentId)) {
            throw new InvalidDataAccessApiUsageException("keyset position lacks the document id key '" + KEYSET_ID + "'");
        }
        return Cursor.of(orders, values, documentId);
    }

    private static KeysetScrollPosition keysetOf(List<SortOrder> orders, Sort sort, Document document) {
        Map<String, Object> keys = new LinkedHashMap<>();
        int i = 0;
        for (Sort.Order order : sort) {
            Value value = document.value().at(orders.get(i++).path());
            if (value != null) {
                keys.put(order.getProperty(), value);
            }
        }
        keys.put(KEYSET_ID, document.id());
        return ScrollPosition.forward(keys);
    }

    private List<Document> documents(Filter filter, Sort sort, long offset, @Nullable Integer limit) {
        Function<Query, Query> spec = q -> {
            Query query = template.applySort(q.where(filter), domainType, sort);
            if (offset > 0) {
                query.offset(offset);
            }
            return limit == null ? query : query.limit(limit);
        };
        return template.findDocuments(domainType, spec);
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
