package io.glen.engine.query;

import io.glen.engine.Document;
import io.glen.engine.internal.index.KeyPart;
import io.glen.engine.internal.store.CollectionStore;
import io.glen.engine.internal.store.DataStore;
import io.glen.engine.internal.store.StoredDoc;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A query over one collection, built fluently and run by {@link #list()}, {@link #page()},
 * {@link #stream()}, {@link #count()}, {@link #exists()} or {@link #first()}:
 *
 * <pre>{@code
 * List<Document> open = db.query("orders")
 *         .where(Filter.eq("status", "open").and(Filter.gte("total", 100)))
 *         .orderBy("total", Direction.DESC)
 *         .limit(20)
 *         .list();
 * }</pre>
 *
 * <p>Results are ordered by the {@link #orderBy} keys and then by document id, a total order, so
 * {@link #page()} and {@link #after(Cursor)} page by keyset: rows inserted or deleted between pages
 * never make a page repeat or skip a row that existed throughout. A query reads without locking and
 * is weakly consistent: a document changed while the query runs is seen in its old or its new state.
 * A query object is not thread-safe but may be run many times.
 */
public final class Query {

    private final DataStore store;
    private final String collection;
    private Filter filter = Filter.all();
    private final List<SortOrder> order = new ArrayList<>();
    private int limit = -1;
    private long offset;
    private @Nullable Cursor after;
    private @Nullable String forcedIndex;
    private boolean useIndexes = true;

    /**
     * A query on {@code collection} of {@code store}, for {@code GlenDB.query}: the store is an
     * engine internal, which code outside the engine module cannot name.
     */
    @SuppressWarnings("exports")
    public Query(DataStore store, String collection) {
        this.store = store;
        this.collection = collection;
    }

    /** Restricts the results to documents matching {@code filter} (and-ed with earlier calls). */
    public Query where(Filter filter) {
        Objects.requireNonNull(filter, "filter must not be null");
        this.filter = this.filter instanceof MatchAll ? filter : Filter.and(this.filter, filter);
        return this;
    }

    /** Adds an ascending sort key. */
    public Query orderBy(String path) {
        return orderBy(path, Direction.ASC);
    }

    /** Adds a sort key. */
    public Query orderBy(String path, Direction direction) {
        order.add(new SortOrder(path, direction));
        return this;
    }

    /** Returns at most {@code limit} documents. */
    public Query limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        this.limit = limit;
        return this;
    }

    /**
     * Skips the first {@code offset} documents in query order (offset paging; prefer
     * {@link #after(Cursor)} for deep pages, which costs nothing per skipped row).
     */
    public Query offset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        this.offset = offset;
        return this;
    }

    /**
     * Continues after the position of {@code cursor} (from a page of the same query).
     *
     * @throws IllegalArgumentException when the cursor came from a query with another order
     */
    public Query after(@Nullable Cursor cursor) {
        if (cursor != null && !cursor.order().equals(order)) {
            throw new IllegalArgumentException("the cursor belongs to a query ordered by " + cursor.order()
                    + ", not " + order);
        }
        this.after = cursor;
        return this;
    }

    /** Makes the planner use this index (failing if it cannot serve the filter). */
    public Query useIndex(String indexName) {
        this.forcedIndex = Objects.requireNonNull(indexName, "indexName must not be null");
        return this;
    }

    /** Makes the planner scan instead of using any index (for comparisons and tests). */
    public Query withoutIndexes() {
        this.useIndexes = false;
        this.forcedIndex = null;
        return this;
    }

    /** The plan the planner chooses for this query now. */
    public QueryPlan explain() {
        CollectionStore cs = store.existingCollection(collection);
        if (cs == null) {
            return new QueryPlan(QueryPlan.Kind.EMPTY, null, "collection '" + collection + "' does not exist");
        }
        return QueryPlanner.plan(cs, filter, forcedIndex, useIndexes, order, limit >= 0).plan();
    }

    /** The matching documents in query order, up to the limit. */
    public List<Document> list() {
        List<Row> rows = run(limit);
        List<Document> documents = new ArrayList<>(rows.size());
        for (Row row : rows) {
            documents.add(row.document);
        }
        return documents;
    }

    /** The matching documents as a stream (the results are gathered before it starts). */
    public Stream<Document> stream() {
        return list().stream();
    }

    /** The first document in query order, if any. */
    public Optional<Document> first() {
        List<Row> rows = run(1);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).document);
    }

    /**
     * One page of at most {@link #limit(int)} documents (which must be set) and the cursor for the
     * next page.
     */
    public QueryPage page() {
        if (limit < 0) {
            throw new IllegalStateException("page() needs a limit: the page size");
        }
        List<Row> rows = run(limit + 1);
        boolean more = rows.size() > limit;
        List<Row> shown = more ? rows.subList(0, limit) : rows;
        List<Document> documents = new ArrayList<>(shown.size());
        for (Row row : shown) {
            documents.add(row.document);
        }
        Cursor next = more && !shown.isEmpty()
                ? new Cursor(order, shown.get(shown.size() - 1).key, shown.get(shown.size() - 1).document.id())
                : null;
        return new QueryPage(documents, next);
    }

    /**
     * The number of documents matching the filter (ignoring order, limit and cursor). A filter of
     * equalities on the leading paths of an index is counted from the index's key counts without
     * reading documents.
     */
    public long count() {
        CollectionStore cs = store.existingCollection(collection);
        if (useIndexes && cs != null) {
            long counted = QueryPlanner.countByIndex(cs, filter, forcedIndex);
            if (counted >= 0) {
                return counted;
            }
        }
        long[] count = new long[1];
        scan(row -> {
            count[0]++;
            return true;
        }, false);
        return count[0];
    }

    /** Whether any document matches the filter (ignoring the cursor). */
    public boolean exists() {
        boolean[] found = new boolean[1];
        scan(row -> {
            found[0] = true;
            return false;
        }, false);
        return found[0];
    }

    private record Row(Object[] key, Document document) {
    }

    private List<Row> run(int max) {
        if (offset == 0) {
            return collect(max);
        }
        long wanted = max < 0 ? -1 : Math.min(Integer.MAX_VALUE, offset + max);
        List<Row> rows = collect((int) wanted);
        return offset >= rows.size() ? List.of() : rows.subList((int) offset, rows.size());
    }

    private List<Row> collect(int max) {
        Comparator<Row> comparator = rowOrder();
        if (max == 0) {
            return List.of();
        }
        boolean bounded = max > 0 && max < Integer.MAX_VALUE;
        List<Row> rows = new ArrayList<>();
        PriorityQueue<Row> top = new PriorityQueue<>(Math.min(bounded ? max : 1, 1024) + 1, comparator.reversed());
        boolean inOrder = scan(row -> {
            if (!bounded) {
                rows.add(row);
            } else if (top.size() < max) {
                top.add(row);
            } else if (comparator.compare(row, top.peek()) < 0) {
                top.poll();
                top.add(row);
            }
            return true;
        }, row -> {
            rows.add(row);
            return !bounded || rows.size() < max;
        }, true, bounded);
        if (inOrder) {
            return rows;
        }
        List<Row> result = bounded ? new ArrayList<>(top) : rows;
        // No real limit: collected unordered, sorted once (cheaper than a bounded heap).
        result.sort(comparator);
        return result;
    }

    /** Feeds matching rows to {@code sink} until it returns false. */
    private void scan(Predicate<Row> sink, boolean honourCursor) {
        scan(sink, sink, honourCursor, false);
    }

    /**
     * Feeds matching rows until the sink returns false: to {@code ordered} when the plan yields
     * them in query order (and returns true), else to {@code unordered}.
     */
    private boolean scan(Predicate<Row> unordered, Predicate<Row> ordered, boolean honourCursor, boolean limited) {
        CollectionStore cs = store.existingCollection(collection);
        if (cs == null) {
            return true;
        }
        QueryPlanner.Planned planned = QueryPlanner.plan(cs, filter, forcedIndex, useIndexes, order, limited);
        Iterator<String> ids = planned.ids().get();
        Predicate<Row> sink = planned.inOrder() ? ordered : unordered;
        Cursor cursor = honourCursor ? after : null;
        if (cursor != null && !cursor.order().equals(order)) {
            // orderBy() may have been called after after()
            throw new IllegalArgumentException("the cursor belongs to a query ordered by " + cursor.order()
                    + ", not " + order);
        }
        Set<String> seen = planned.mayRepeat() ? new HashSet<>() : null;
        while (ids.hasNext()) {
            String id = ids.next();
            StoredDoc stored = cs.get(id);
            if (stored == null || (seen != null && seen.contains(id))) {
                continue;
            }
            Value value = store.cache().value(cs, id, stored);
            if (!filter.matches(value)) {
                continue;
            }
            Row row = new Row(sortKey(value), new Document(collection, id, stored.version(), value));
            if (cursor != null && compareToCursor(row, cursor) <= 0) {
                continue;
            }
            if (seen != null) {
                seen.add(id);
            }
            if (!sink.test(row)) {
                break;
            }
        }
        return planned.inOrder();
    }

    private int compareToCursor(Row row, Cursor cursor) {
        int c = compareKeys(row.key, cursor.key());
        return c != 0 ? c : ValueOrder.compareStrings(row.document.id(), cursor.id());
    }

    private Object[] sortKey(Value value) {
        Object[] key = new Object[order.size()];
        for (int i = 0; i < key.length; i++) {
            Value v = value.at(order.get(i).path());
            key[i] = v == null ? KeyPart.MISSING : v;
        }
        return key;
    }

    private int compareKeys(Object[] a, Object[] b) {
        for (int i = 0; i < order.size(); i++) {
            int c = KeyPart.compare(a[i], b[i]);
            if (c != 0) {
                return order.get(i).direction() == Direction.DESC ? -c : c;
            }
        }
        return 0;
    }

    private Comparator<Row> rowOrder() {
        return (a, b) -> {
            int c = compareKeys(a.key, b.key);
            return c != 0 ? c : ValueOrder.compareStrings(a.document.id(), b.document.id());
        };
    }

    @Override
    public String toString() {
        return "Query[" + collection + " where " + filter + (order.isEmpty() ? "" : " order by " + order)
                + (offset > 0 ? " offset " + offset : "") + (limit >= 0 ? " limit " + limit : "") + "]";
    }
}
