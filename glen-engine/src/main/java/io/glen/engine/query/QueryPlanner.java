package io.glen.engine.query;

import io.glen.engine.internal.index.KeyPart;
import io.glen.engine.internal.index.SecondaryIndex;
import io.glen.engine.internal.store.CollectionStore;
import io.glen.engine.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Picks how to find a query's candidates. Only the top-level conjunction's field predicates are
 * considered: for each index, equality on a prefix of its paths, then either a range
 * ({@code lt/lte/gt/gte/startsWith}, intersected unless some document reaches several values at that
 * path, when only the first one bounds the scan) or an {@code in} on the next path. The index with
 * the longest equality prefix wins, then one with a range, then the narrower one; without a usable
 * index every document is scanned. The full filter is always applied to the candidates, so the
 * plan changes only speed, never results.
 */
final class QueryPlanner {

    private QueryPlanner() {
    }

    /**
     * A chosen plan and how to iterate its candidate ids.
     *
     * @param inOrder the ids come in the query's order (sort keys, then id), so the query can stop
     *     after its limit instead of sorting everything
     * @param mayRepeat an id may come more than once (a multi-valued index); without it an id
     *     repeats only when a concurrent write moved a document within the scanned range
     */
    record Planned(QueryPlan plan, Supplier<Iterator<String>> ids, boolean inOrder, boolean mayRepeat) {
    }

    private record Candidate(SecondaryIndex index, int score, QueryPlan.Kind kind, Object[] low, boolean lowInclusive,
                             Object[] high, boolean highInclusive, @Nullable List<Value> inValues, int inPosition,
                             String detail, boolean empty, int equalities) {
    }

    /**
     * Plans {@code filter} over {@code collection}. With a sort order, an index whose equality
     * prefix is followed by the sort paths (in one direction, on documents holding one value
     * there) yields the ids already in query order; with {@code limited} such a candidate wins
     * over the others, since the query then reads only as many entries as it returns.
     */
    static Planned plan(CollectionStore collection, Filter filter, @Nullable String forcedIndex, boolean useIndexes,
                        List<SortOrder> order, boolean limited) {
        List<FieldPredicate> predicates = conjuncts(filter);
        Candidate best = null;
        boolean bestOrdered = false;
        if (forcedIndex != null) {
            SecondaryIndex index = collection.index(forcedIndex);
            if (index == null) {
                throw new IllegalArgumentException("collection '" + collection.name() + "' has no index '"
                        + forcedIndex + "'");
            }
            best = evaluate(index, predicates);
            if (best == null) {
                throw new IllegalArgumentException("index '" + forcedIndex + "' on " + index.definition().paths()
                        + " cannot serve " + filter);
            }
            bestOrdered = servesOrder(best, order, predicates) != null;
        } else if (useIndexes) {
            for (SecondaryIndex index : collection.indexes().values()) {
                Candidate candidate = evaluate(index, predicates);
                if (candidate == null) {
                    continue;
                }
                boolean ordered = servesOrder(candidate, order, predicates) != null;
                boolean better = best == null
                        || (limited && ordered != bestOrdered ? ordered
                        : candidate.score > best.score || (candidate.score == best.score && ordered && !bestOrdered));
                if (better) {
                    best = candidate;
                    bestOrdered = ordered;
                }
            }
        }
        if (best == null) {
            return new Planned(new QueryPlan(QueryPlan.Kind.FULL_SCAN, null, filter.toString()),
                    () -> collection.documents().keySet().iterator(), false, false);
        }
        Candidate chosen = best;
        String name = chosen.index.definition().name();
        if (chosen.empty) {
            return new Planned(new QueryPlan(QueryPlan.Kind.EMPTY, name, chosen.detail), Collections::emptyIterator,
                    true, false);
        }
        if (chosen.inValues != null) {
            return new Planned(new QueryPlan(QueryPlan.Kind.INDEX_IN, name, chosen.detail), () -> inScan(chosen),
                    false, true);
        }
        // Index scans can meet a document twice (a multi-valued one; or one a concurrent write moves
        // within the range): the query drops repeats, which costs a hash set of the rows returned.
        Boolean descending = bestOrdered ? servesOrder(chosen, order, predicates) : null;
        if (descending != null) {
            boolean desc = descending;
            return new Planned(new QueryPlan(chosen.kind, name, chosen.detail, true),
                    () -> chosen.index.scanInOrder(chosen.low, chosen.lowInclusive, chosen.high, chosen.highInclusive,
                            desc), true, true);
        }
        return new Planned(new QueryPlan(chosen.kind, name, chosen.detail), () -> chosen.index.scanInOrder(
                chosen.low, chosen.lowInclusive, chosen.high, chosen.highInclusive, false), false, true);
    }

    /** Whether every indexed document sorts by its index key at every position from {@code from} on. */
    private static boolean sortableFrom(SecondaryIndex index, int from) {
        for (int i = from; i < index.width(); i++) {
            if (!index.sortable(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether scanning {@code c} yields ids in {@code order} (then by id): null when not, else
     * whether the scan must descend. Sort keys on index paths the filter fixes by equality are
     * constant and drop out (where every document holds one value there); the rest must be the
     * index paths right after the equality prefix up to the key's end (ties on the whole key come
     * in id order), all in one direction, on positions where every document sorts by its key (a
     * multi-valued document would sort by its whole array but sit in the index under each
     * element).
     */
    private static @Nullable Boolean servesOrder(Candidate c, List<SortOrder> order, List<FieldPredicate> predicates) {
        if (c.inValues != null) {
            return null;
        }
        List<String> paths = c.index.definition().paths();
        List<SortOrder> remaining = new ArrayList<>();
        for (SortOrder s : order) {
            int position = paths.indexOf(s.path());
            boolean fixed = position >= 0 && position < c.equalities && c.index.sortable(position);
            if (!fixed) {
                remaining.add(s);
            }
        }
        // Ties on the whole key are in id order, so the sort keys must take up the rest of the key.
        if (c.equalities + remaining.size() != paths.size()) {
            return null;
        }
        if (remaining.isEmpty()) {
            return Boolean.FALSE;
        }
        Direction direction = remaining.get(0).direction();
        for (int i = 0; i < remaining.size(); i++) {
            int position = c.equalities + i;
            if (!paths.get(position).equals(remaining.get(i).path()) || remaining.get(i).direction() != direction) {
                return null;
            }
        }
        if (!sortableFrom(c.index, c.equalities)) {
            return null;
        }
        return direction == Direction.DESC;
    }

    /**
     * The number of documents matching {@code filter} read from an index's key counts, or -1: when
     * the filter is nothing but equalities on the first paths of an index (each path once) whose
     * values the counts cover.
     */
    static long countByIndex(CollectionStore collection, Filter filter, @Nullable String forcedIndex) {
        List<FieldPredicate> predicates = conjuncts(filter);
        int filters = filter instanceof Conjunction conjunction ? conjunction.filters().size() : 1;
        if (predicates.isEmpty() || predicates.size() != filters) {
            return -1;
        }
        for (FieldPredicate p : predicates) {
            if (p.operator() != Operator.EQ) {
                return -1;
            }
        }
        for (SecondaryIndex index : collection.indexes().values()) {
            if (forcedIndex != null && !forcedIndex.equals(index.definition().name())) {
                continue;
            }
            List<String> paths = index.definition().paths();
            if (paths.size() < predicates.size()) {
                continue;
            }
            List<Value> prefix = new ArrayList<>(predicates.size());
            for (int i = 0; i < predicates.size(); i++) {
                FieldPredicate p = find(predicates, paths.get(i), Operator.EQ);
                if (p == null) {
                    break;
                }
                prefix.add(p.operand());
            }
            if (prefix.size() == predicates.size()) {
                long count = index.countPrefix(prefix);
                if (count >= 0) {
                    return count;
                }
            }
        }
        return -1;
    }

    private static List<FieldPredicate> conjuncts(Filter filter) {
        List<FieldPredicate> result = new ArrayList<>();
        if (filter instanceof FieldPredicate predicate) {
            result.add(predicate);
        } else if (filter instanceof Conjunction conjunction) {
            for (Filter f : conjunction.filters()) {
                if (f instanceof FieldPredicate predicate) {
                    result.add(predicate);
                }
            }
        }
        return result;
    }

    private static @Nullable Candidate evaluate(SecondaryIndex index, List<FieldPredicate> predicates) {
        List<String> paths = index.definition().paths();
        int width = paths.size();
        Object[] low = new Object[width];
        Object[] high = new Object[width];
        List<String> detail = new ArrayList<>();
        int eq = 0;
        while (eq < width) {
            FieldPredicate p = find(predicates, paths.get(eq), Operator.EQ);
            if (p == null) {
                break;
            }
            low[eq] = p.operand();
            high[eq] = p.operand();
            detail.add(p.toString());
            eq++;
        }
        if (eq == width) {
            return new Candidate(index, eq * 100 - width, QueryPlan.Kind.INDEX_EQUALITY, low, true, high, true,
                    null, -1, detail.toString(), false, eq);
        }
        String next = paths.get(eq);
        Range range = new Range();
        boolean multiValued = index.multiValued(eq);
        for (FieldPredicate p : predicates) {
            if (p.path().equals(next)) {
                // With several values per document, each predicate may hold for a different value:
                // intersecting their bounds would lose documents, so one predicate bounds the scan.
                if (!(multiValued && range.used)) {
                    range.add(p, detail);
                }
            }
        }
        if (range.used) {
            low[eq] = range.low;
            high[eq] = range.high;
            pad(low, eq + 1, range.lowInclusive ? KeyPart.LOWEST : KeyPart.HIGHEST);
            pad(high, eq + 1, range.highInclusive ? KeyPart.HIGHEST : KeyPart.LOWEST);
            int c = KeyPart.compare(range.low, range.high);
            boolean empty = c > 0 || (c == 0 && !(range.lowInclusive && range.highInclusive));
            return new Candidate(index, eq * 100 + 50 - width, QueryPlan.Kind.INDEX_RANGE, low, range.lowInclusive,
                    high, range.highInclusive, null, -1, detail.toString(), empty, eq);
        }
        FieldPredicate in = find(predicates, next, Operator.IN);
        if (in != null) {
            detail.add(in.toString());
            return new Candidate(index, eq * 100 + 40 - width, QueryPlan.Kind.INDEX_IN, low, true, high, true,
                    in.operands(), eq, detail.toString(), in.operands().isEmpty(), eq);
        }
        if (eq == 0) {
            return null;
        }
        pad(low, eq, KeyPart.LOWEST);
        pad(high, eq, KeyPart.HIGHEST);
        return new Candidate(index, eq * 100 - width, QueryPlan.Kind.INDEX_EQUALITY, low, true, high, true, null, -1,
                detail + " (prefix of " + paths + ")", false, eq);
    }

    private static Iterator<String> inScan(Candidate c) {
        TreeSet<Value> distinct = new TreeSet<>(c.inValues);
        List<Iterator<String>> scans = new ArrayList<>();
        for (Value value : distinct) {
            Object[] low = c.low.clone();
            Object[] high = c.high.clone();
            low[c.inPosition] = value;
            high[c.inPosition] = value;
            pad(low, c.inPosition + 1, KeyPart.LOWEST);
            pad(high, c.inPosition + 1, KeyPart.HIGHEST);
            scans.add(c.index.scan(low, true, high, true, false));
        }
        return new DistinctConcat(scans);
    }

    private static void pad(Object[] key, int from, Object part) {
        for (int i = from; i < key.length; i++) {
            key[i] = part;
        }
    }

    private static @Nullable FieldPredicate find(List<FieldPredicate> predicates, String path, Operator op) {
        for (FieldPredicate p : predicates) {
            if (p.operator() == op && p.path().equals(path)) {
                return p;
            }
        }
        return null;
    }

    /** The intersection of the range predicates on one path. */
    private static final class Range {
        Object low = KeyPart.LOWEST;
        boolean lowInclusive = true;
        Object high = KeyPart.HIGHEST;
        boolean highInclusive = true;
        boolean used;

        void add(FieldPredicate p, List<String> detail) {
            Operator op = p.operator();
            if (op != Operator.GT && op != Operator.GTE && op != Operator.LT && op != Operator.LTE
                    && op != Operator.STARTS_WITH) {
                return; // only these have a range, and an in() may have no operand at all
            }
            Value v = p.operand();
            switch (p.operator()) {
                case GT -> {
                    lower(v, false);
                    upper(KeyPart.highOf(v), true);
                }
                case GTE -> {
                    lower(v, true);
                    upper(KeyPart.highOf(v), true);
                }
                case LT -> {
                    upper(v, false);
                    lower(KeyPart.lowOf(v), true);
                }
                case LTE -> {
                    upper(v, true);
                    lower(KeyPart.lowOf(v), true);
                }
                case STARTS_WITH -> {
                    lower(v, true);
                    String successor = successor(v.asString());
                    if (successor == null) {
                        upper(KeyPart.highOf(v), true);
                    } else {
                        upper(Value.of(successor), false);
                    }
                }
                default -> {
                    return;
                }
            }
            used = true;
            detail.add(p.toString());
        }

        private void lower(Object bound, boolean inclusive) {
            int c = KeyPart.compare(bound, low);
            if (c > 0 || (c == 0 && !inclusive)) {
                low = bound;
                lowInclusive = inclusive;
            }
        }

        private void upper(Object bound, boolean inclusive) {
            int c = KeyPart.compare(bound, high);
            if (c < 0 || (c == 0 && !inclusive)) {
                high = bound;
                highInclusive = inclusive;
            }
        }
    }

    /** The smallest string greater than every string starting with {@code prefix}, or null. */
    static @Nullable String successor(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            int cp = codePoints[i];
            if (cp < Character.MAX_CODE_POINT) {
                int next = cp + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : cp + 1;
                StringBuilder out = new StringBuilder();
                for (int j = 0; j < i; j++) {
                    out.appendCodePoint(codePoints[j]);
                }
                return out.appendCodePoint(next).toString();
            }
        }
        return null;
    }

    private static final class DistinctConcat implements Iterator<String> {
        private final Iterator<Iterator<String>> scans;
        private Iterator<String> current = Collections.emptyIterator();
        private final java.util.HashSet<String> seen = new java.util.HashSet<>();
        private @Nullable String next;

        DistinctConcat(List<Iterator<String>> scans) {
            this.scans = scans.iterator();
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                while (!current.hasNext()) {
                    if (!scans.hasNext()) {
                        return false;
                    }
                    current = scans.next();
                }
                String id = current.next();
                if (seen.add(id)) {
                    next = id;
                }
            }
            return true;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String id = next;
            next = null;
            return id;
        }
    }
}
