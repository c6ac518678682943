package io.glen.engine.query;

import org.jspecify.annotations.Nullable;

/**
 * How a query ran (or will run), from {@link Query#explain()}.
 *
 * @param kind what the planner chose
 * @param index the index used, or null for a scan
 * @param detail the bounds or keys looked up, for people
 * @param inIndexOrder the index yields the documents in the query's order, so a query with a limit
 *     reads only as many entries as it returns and nothing is sorted
 */
public record QueryPlan(Kind kind, @Nullable String index, String detail, boolean inIndexOrder) {

    /** A plan whose results are sorted after they are found. */
    public QueryPlan(Kind kind, @Nullable String index, String detail) {
        this(kind, index, detail, false);
    }

    /** The kinds of plans. */
    public enum Kind {
        /** Equality on every path of an index (or on a prefix of a composite one). */
        INDEX_EQUALITY,
        /** An ordered range of an index, possibly after equality on a prefix. */
        INDEX_RANGE,
        /** Several equality lookups in one index, one per {@code in} operand. */
        INDEX_IN,
        /** Every document of the collection is tested. */
        FULL_SCAN,
        /** The predicates contradict each other; nothing is read. */
        EMPTY
    }

    /** Whether an index serves the query. */
    public boolean usesIndex() {
        return index != null;
    }

    @Override
    public String toString() {
        return kind + (index == null ? "" : " " + index) + (detail.isEmpty() ? "" : " " + detail)
                + (inIndexOrder ? " in index order" : "");
    }
}
