package io.glen.spring.data.repository.query;

import io.glen.engine.Document;
import io.glen.engine.query.Cursor;
import io.glen.engine.query.Direction;
import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.engine.query.QueryPage;
import io.glen.engine.query.SortOrder;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueOrder;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

/**
 * One {@link Window} of a query: offset windows, and keyset windows in both directions. A keyset
 * position holds the sort values of a row and its document id (key {@value #KEYSET_ID}), the
 * engine's tie-breaker.
 *
 * <p>Forward windows continue strictly after the position with the engine's keyset cursor. A
 * backward window holds the rows just before the position, in the query's order; the engine only
 * pages forward, so it reads the rows before the position in reversed key order and, because ties
 * on every sort key stay ordered by ascending id in both directions, reads whole runs of such ties
 * and orders them itself. A backward window therefore costs the window plus the run of ties at
 * each of its ends. Rows changing between windows are neither repeated nor skipped in either
 * direction.
 */
final class WindowQuery {

    /** The key of the document id in keyset positions. */
    static final String KEYSET_ID = "__glenId";

    /** Above every valid document id (ids are at most 1024 UTF-8 bytes; this is 260 code points of 4). */
    private static final String ABOVE_EVERY_ID = "\uDBFF\uDFFF".repeat(260);

    private final GlenEntityTemplate template;
    private final Class<?> domainType;
    private final Filter filter;
    private final Sort sort;
    private final int size;
    private final List<SortOrder> orders;

    WindowQuery(GlenEntityTemplate template, Class<?> domainType, Filter filter, Sort sort, int size) {
        this.template = template;
        this.domainType = domainType;
        this.filter = filter;
        this.sort = template.effectiveSort(domainType, sort);
        this.size = size;
        this.orders = template.sortOrders(domainType, this.sort);
    }

    /** The documents of a window and how to build it once they are mapped. */
    record Result(List<Document> documents, IntFunction<ScrollPosition> positions, boolean hasNext) {

        <T> Window<T> toWindow(List<T> content) {
            return Window.from(content, positions, hasNext);
        }
    }

    Result scroll(@Nullable ScrollPosition position) {
        if (position == null || position instanceof OffsetScrollPosition) {
            return offset((OffsetScrollPosition) position);
        }
        KeysetScrollPosition keyset = (KeysetScrollPosition) position;
        if (keyset.isInitial()) {
            return forward(null, keyset.getDirection());
        }
        Cursor cursor = cursor(keyset.getKeys());
        return keyset.scrollsBackward() ? backward(cursor) : forward(cursor, keyset.getDirection());
    }

    private Result offset(@Nullable OffsetScrollPosition position) {
        long offset = position == null || position.isInitial() ? 0 : position.getOffset() + 1;
        List<Document> documents = template.findDocuments(domainType, q -> {
            Query query = query(q, orders).limit(size + 1);
            return offset > 0 ? query.offset(offset) : query;
        });
        boolean hasNext = documents.size() > size;
        List<Document> shown = hasNext ? documents.subList(0, size) : documents;
        return new Result(shown, i -> ScrollPosition.offset(offset + i), hasNext);
    }

    private Result forward(@Nullable Cursor cursor, ScrollPosition.Direction direction) {
        List<Document> documents = template.findDocuments(domainType, q -> {
            Query query = query(q, orders).limit(size + 1);
            return cursor == null ? query : query.after(cursor);
        });
        boolean hasNext = documents.size() > size;
        List<Document> shown = hasNext ? documents.subList(0, size) : documents;
        return new Result(shown, i -> keyset(shown.get(i), direction), hasNext);
    }

    private Result backward(Cursor position) {
        List<Document> before = new ArrayList<>(tiesBefore(position));
        List<SortOrder> reversed = orders.stream().map(o -> new SortOrder(o.path(),
                o.direction() == Direction.ASC ? Direction.DESC : Direction.ASC)).toList();
        Cursor start = Cursor.of(reversed, position.keyValues(), ABOVE_EVERY_ID);
        List<Document> earlier = new ArrayList<>();
        boolean exhausted = readWhile(q -> query(q, reversed), start, earlier,
                (read, last) -> read.size() + before.size() <= size + 1
                        || read.size() >= 2 && sameKeys(last, read.get(read.size() - 2)));
        before.addAll(earlier);
        before.sort(forwardOrder());
        boolean hasNext = before.size() > size || !exhausted;
        List<Document> shown = before.size() > size ? before.subList(before.size() - size, before.size()) : before;
        return new Result(List.copyOf(shown), i -> keyset(shown.get(i), ScrollPosition.Direction.BACKWARD), hasNext);
    }

    /** The rows with the position's sort values and a smaller id: before it, in the same run of ties. */
    private List<Document> tiesBefore(Cursor position) {
        List<Document> ties = new ArrayList<>();
        Cursor start = Cursor.of(orders, position.keyValues(), "");
        List<Document> read = new ArrayList<>();
        readWhile(q -> query(q, orders), start, read, (all, last) ->
                ValueOrder.compareStrings(last.id(), position.documentId()) < 0 && hasKeys(last, position));
        for (Document d : read) {
            if (ValueOrder.compareStrings(d.id(), position.documentId()) < 0 && hasKeys(d, position)) {
                ties.add(d);
            }
        }
        return ties;
    }

    /**
     * Pages through a query from {@code start}, adding rows to {@code out} while {@code more} holds
     * for the rows read so far and the last one; returns whether the query ran out of rows.
     */
    private boolean readWhile(java.util.function.Function<Query, Query> spec, Cursor start, List<Document> out,
                              java.util.function.BiPredicate<List<Document>, Document> more) {
        Cursor cursor = start;
        int page = Math.max(16, size + 1);
        while (true) {
            Cursor after = cursor;
            QueryPage result = template.getGlenTemplate().query(template.collection(domainType),
                    q -> spec.apply(q).limit(page).after(after).page());
            for (Document d : result.documents()) {
                out.add(d);
                if (!more.test(out, d)) {
                    return false;
                }
            }
            if (result.next() == null || result.documents().size() < page) {
                return true;
            }
            cursor = result.next();
        }
    }

    private Query query(Query q, List<SortOrder> order) {
        Query query = q.where(filter);
        order.forEach(o -> query.orderBy(o.path(), o.direction()));
        return query;
    }

    private Comparator<Document> forwardOrder() {
        return (a, b) -> {
            for (SortOrder order : orders) {
                int c = compareKeys(a.value().at(order.path()), b.value().at(order.path()));
                if (c != 0) {
                    return order.direction() == Direction.DESC ? -c : c;
                }
            }
            return ValueOrder.compareStrings(a.id(), b.id());
        };
    }

    /** Missing sorts before every value, as in the engine. */
    private static int compareKeys(@Nullable Value a, @Nullable Value b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private boolean sameKeys(Document a, Document b) {
        for (SortOrder order : orders) {
            if (compareKeys(a.value().at(order.path()), b.value().at(order.path())) != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean hasKeys(Document d, Cursor position) {
        for (int i = 0; i < orders.size(); i++) {
            if (compareKeys(d.value().at(orders.get(i).path()), position.keyValues().get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    private Cursor cursor(Map<String, Object> keys) {
        List<@Nullable Value> values = new ArrayList<>();
        for (Sort.Order order : sort) {
            Object key = keys.get(order.getProperty());
            values.add(key == null ? null : Value.of(key));
        }
        Object id = keys.get(KEYSET_ID);
        if (!(id instanceof String documentId)) {
            throw new InvalidDataAccessApiUsageException("keyset position lacks the document id key '" + KEYSET_ID
                    + "'; use a position from a Glen Window");
        }
        return Cursor.of(orders, values, documentId);
    }

    private KeysetScrollPosition keyset(Document document, ScrollPosition.Direction direction) {
        Map<String, Object> keys = new LinkedHashMap<>();
        int i = 0;
        for (Sort.Order order : sort) {
            Value value = document.value().at(orders.get(i++).path());
            if (value != null) {
                keys.put(order.getProperty(), value);
            }
        }
        keys.put(KEYSET_ID, document.id());
        return ScrollPosition.of(keys, direction);
    }
}
