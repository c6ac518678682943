package io.glen.engine.query;

import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A brute-force model of the documented query semantics, written independently of the engine: it
 * never calls {@link Filter#matches}, {@code FieldValues}, {@code ValueOrder} or {@link Value#at}.
 *
 * <ul>
 *   <li>Value order ({@code ValueKind} Javadoc): null &lt; bool &lt; numbers &lt; string &lt; bytes &lt; array
 *       &lt; object &lt; id; ints and floats compare by exact numeric value, NaN above every number,
 *       -0.0 equal to 0; strings by code point; arrays element-wise then by length; objects field by
 *       field (name, then value) then by size.</li>
 *   <li>Reached values ({@code FieldValues} Javadoc): object segments are field names, a numeric
 *       segment indexes an array, any other segment on an array applies to each object element; when
 *       the path ends on an array, the array and each element are reached.</li>
 *   <li>Predicates ({@link Filter} Javadoc): eq/in by the value order, range predicates only on
 *       values of the operand's kind (numbers are one kind), string predicates only on strings, all of
 *       them "some reached value matches"; ne/notIn are negations and match missing fields;
 *       exists is "reaches at least one value" (null counts).</li>
 *   <li>Sort ({@link SortOrder}/{@link Direction} Javadoc): the sort value is the single value at the
 *       path as {@code Value.at} finds it (numeric segments index arrays, nothing fans out); missing
 *       sorts first ascending and last descending; ties by id ascending.</li>
 * </ul>
 */
public final class QueryModel {

    private QueryModel() {
    }

    // ------------------------------------------------------------------ value order

    private static int rank(Value v) {
        return switch (v.kind()) {
            case NULL -> 0;
            case BOOL -> 1;
            case INT, FLOAT -> 2;
            case STRING -> 3;
            case BYTES -> 4;
            case ARRAY -> 5;
            case OBJECT -> 6;
            case ID -> 7;
        };
    }

    /** Whether two values are of the same kind for range predicates (ints and floats are one kind). */
    public static boolean sameKind(Value a, Value b) {
        return rank(a) == rank(b);
    }

    /** The documented total order over values. */
    public static int compare(Value a, Value b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (a.kind()) {
            case NULL:
                return 0;
            case BOOL:
                return Boolean.compare(a.asBoolean(), b.asBoolean());
            case INT:
            case FLOAT:
                return compareNumbers(a, b);
            case STRING:
                return compareStrings(a.asString(), b.asString());
            case BYTES:
                return Arrays.compareUnsigned(a.asBytes(), b.asBytes());
            case ARRAY: {
                List<Value> x = a.asList();
                List<Value> y = b.asList();
                for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                    int c = compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            case OBJECT: {
                Iterator<Map.Entry<String, Value>> x = a.asMap().entrySet().iterator();
                Iterator<Map.Entry<String, Value>> y = b.asMap().entrySet().iterator();
                while (x.hasNext() && y.hasNext()) {
                    Map.Entry<String, Value> ex = x.next();
                    Map.Entry<String, Value> ey = y.next();
                    int c = compareStrings(ex.getKey(), ey.getKey());
                    if (c == 0) {
                        c = compare(ex.getValue(), ey.getValue());
                    }
                    if (c != 0) {
                        return c;
                    }
                }
                return Boolean.compare(x.hasNext(), y.hasNext());
            }
            default:
                throw new IllegalArgumentException("the model does not order " + a.kind());
        }
    }

    private static int compareNumbers(Value a, Value b) {
        int ca = numberClass(a);
        int cb = numberClass(b);
        if (ca != cb || ca != 0) {
            return Integer.compare(ca, cb);
        }
        return exact(a).compareTo(exact(b));
    }

    /** -1 for -inf, 0 for finite, 1 for +inf, 2 for NaN. */
    private static int numberClass(Value v) {
        if (v.kind() == ValueKind.INT) {
            return 0;
        }
        double d = v.asDouble();
        return Double.isNaN(d) ? 2 : d == Double.NEGATIVE_INFINITY ? -1 : d == Double.POSITIVE_INFINITY ? 1 : 0;
    }

    private static BigDecimal exact(Value v) {
        return v.kind() == ValueKind.INT ? BigDecimal.valueOf(v.asLong()) : new BigDecimal(v.asDouble());
    }

    /** Code point order. */
    public static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    // ------------------------------------------------------------------ paths

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return false;
        }
        for (char c : segment.toCharArray()) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Every value the path reaches (multikey: an array and each of its elements at the end). */
    public static List<Value> reach(Value document, String path) {
        List<Value> current = List.of(document);
        for (String segment : path.split("\\.")) {
            List<Value> next = new ArrayList<>();
            for (Value v : current) {
                if (v.kind() == ValueKind.OBJECT) {
                    Value f = v.asMap().get(segment);
                    if (f != null) {
                        next.add(f);
                    }
                } else if (v.kind() == ValueKind.ARRAY) {
                    if (isIndex(segment)) {
                        int i = Integer.parseInt(segment);
                        if (i < v.asList().size()) {
                            next.add(v.asList().get(i));
                        }
                    } else {
                        for (Value e : v.asList()) {
                            if (e.kind() == ValueKind.OBJECT && e.asMap().get(segment) != null) {
                                next.add(e.asMap().get(segment));
                            }
                        }
                    }
                }
            }
            current = next;
        }
        List<Value> out = new ArrayList<>();
        for (Value v : current) {
            out.add(v);
            if (v.kind() == ValueKind.ARRAY) {
                out.addAll(v.asList());
            }
        }
        return out;
    }

    /** The single value at the path as a sort key uses it, or null when missing. */
    public static Value lookup(Value document, String path) {
        Value current = document;
        for (String segment : path.split("\\.")) {
            if (current.kind() == ValueKind.OBJECT) {
                current = current.asMap().get(segment);
            } else if (current.kind() == ValueKind.ARRAY && isIndex(segment)
                    && Integer.parseInt(segment) < current.asList().size()) {
                current = current.asList().get(Integer.parseInt(segment));
            } else {
                current = null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    // ------------------------------------------------------------------ filters

    /** A filter of the model, convertible to an engine {@link Filter}. */
    public sealed interface Cond permits All, Pred, And, Or, Not {
        /** Whether the document matches, by the model's semantics. */
        boolean test(Value document);

        /** The engine filter with the same meaning. */
        Filter toFilter();
    }

    /** Matches everything. */
    public record All() implements Cond {
        @Override
        public boolean test(Value document) {
            return true;
        }

        @Override
        public Filter toFilter() {
            return Filter.all();
        }

        @Override
        public String toString() {
            return "all";
        }
    }

    /** The field operators of the model. */
    public enum Op { EQ, NE, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, STARTS_WITH, ENDS_WITH, CONTAINS, EXISTS, NOT_EXISTS }

    /** One field predicate. */
    public record Pred(Op op, String path, List<Value> operands) implements Cond {

        @Override
        public boolean test(Value document) {
            List<Value> values = reach(document, path);
            Value o = operands.isEmpty() ? null : operands.get(0);
            switch (op) {
                case EQ:
                    return values.stream().anyMatch(v -> compare(v, o) == 0);
                case NE:
                    return values.stream().noneMatch(v -> compare(v, o) == 0);
                case LT:
                    return values.stream().anyMatch(v -> sameKind(v, o) && compare(v, o) < 0);
                case LTE:
                    return values.stream().anyMatch(v -> sameKind(v, o) && compare(v, o) <= 0);
                case GT:
                    return values.stream().anyMatch(v -> sameKind(v, o) && compare(v, o) > 0);
                case GTE:
                    return values.stream().anyMatch(v -> sameKind(v, o) && compare(v, o) >= 0);
                case BETWEEN:
                    // Filter.between is documented as and(gte(low), lte(high)): each bound separately.
                    return new Pred(Op.GTE, path, List.of(operands.get(0))).test(document)
                            && new Pred(Op.LTE, path, List.of(operands.get(1))).test(document);
                case IN:
                    return values.stream().anyMatch(v -> operands.stream().anyMatch(x -> compare(v, x) == 0));
                case NOT_IN:
                    return values.stream().noneMatch(v -> operands.stream().anyMatch(x -> compare(v, x) == 0));
                case STARTS_WITH:
                    return values.stream().anyMatch(v -> v.kind() == ValueKind.STRING
                            && v.asString().startsWith(o.asString()));
                case ENDS_WITH:
                    return values.stream().anyMatch(v -> v.kind() == ValueKind.STRING
                            && v.asString().endsWith(o.asString()));
                case CONTAINS:
                    return values.stream().anyMatch(v -> v.kind() == ValueKind.STRING
                            && v.asString().contains(o.asString()));
                case EXISTS:
                    return !values.isEmpty();
                case NOT_EXISTS:
                    return values.isEmpty();
                default:
                    throw new IllegalStateException();
            }
        }

        @Override
        public Filter toFilter() {
            Value o = operands.isEmpty() ? null : operands.get(0);
            return switch (op) {
                case EQ -> Filter.eq(path, o);
                case NE -> Filter.ne(path, o);
                case LT -> Filter.lt(path, o);
                case LTE -> Filter.lte(path, o);
                case GT -> Filter.gt(path, o);
                case GTE -> Filter.gte(path, o);
                case BETWEEN -> Filter.between(path, operands.get(0), operands.get(1));
                case IN -> Filter.in(path, operands);
                case NOT_IN -> Filter.notIn(path, operands);
                case STARTS_WITH -> Filter.startsWith(path, o.asString());
                case ENDS_WITH -> Filter.endsWith(path, o.asString());
                case CONTAINS -> Filter.contains(path, o.asString());
                case EXISTS -> Filter.exists(path);
                case NOT_EXISTS -> Filter.notExists(path);
            };
        }

        @Override
        public String toString() {
            return path + " " + op + " " + operands.stream().map(QueryModel::show).collect(Collectors.joining(", "));
        }
    }

    /** All of several. */
    public record And(List<Cond> parts) implements Cond {
        @Override
        public boolean test(Value document) {
            return parts.stream().allMatch(p -> p.test(document));
        }

        @Override
        public Filter toFilter() {
            return Filter.and(parts.stream().map(Cond::toFilter).toArray(Filter[]::new));
        }

        @Override
        public String toString() {
            return parts.stream().map(Object::toString).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    /** Any of several. */
    public record Or(List<Cond> parts) implements Cond {
        @Override
        public boolean test(Value document) {
            return parts.stream().anyMatch(p -> p.test(document));
        }

        @Override
        public Filter toFilter() {
            return Filter.or(parts.stream().map(Cond::toFilter).toArray(Filter[]::new));
        }

        @Override
        public String toString() {
            return parts.stream().map(Object::toString).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    /** The negation. */
    public record Not(Cond part) implements Cond {
        @Override
        public boolean test(Value document) {
            return !part.test(document);
        }

        @Override
        public Filter toFilter() {
            return Filter.not(part.toFilter());
        }

        @Override
        public String toString() {
            return "NOT " + part;
        }
    }

    // ------------------------------------------------------------------ sorting

    /** One sort key of the model. */
    public record Sort(String path, Direction direction) {
    }

    /** A model row: the id and the document. */
    public record Row(String id, Value value) {
    }

    /** The documented result order: sort keys (missing lowest, DESC reversed), then id ascending. */
    public static Comparator<Row> order(List<Sort> sorts) {
        return (a, b) -> {
            for (Sort s : sorts) {
                Value x = lookup(a.value, s.path);
                Value y = lookup(b.value, s.path);
                int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : compare(x, y);
                if (c != 0) {
                    return s.direction == Direction.DESC ? -c : c;
                }
            }
            return compareStrings(a.id, b.id);
        };
    }

    /** The ids the model expects: filter, sort, limit (negative = none). */
    public static List<String> expected(Map<String, Value> documents, Cond cond, List<Sort> sorts, int limit) {
        record Keyed(String id, Value[] key) {
        }
        List<Keyed> rows = new ArrayList<>();
        documents.forEach((id, v) -> {
            if (cond.test(v)) {
                Value[] key = new Value[sorts.size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = lookup(v, sorts.get(i).path());
                }
                rows.add(new Keyed(id, key));
            }
        });
        rows.sort((a, b) -> {
            for (int i = 0; i < sorts.size(); i++) {
                Value x = a.key[i];
                Value y = b.key[i];
                int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : compare(x, y);
                if (c != 0) {
                    return sorts.get(i).direction() == Direction.DESC ? -c : c;
                }
            }
            return compareStrings(a.id, b.id);
        });
        List<String> ids = new ArrayList<>();
        for (Keyed r : rows) {
            if (limit >= 0 && ids.size() >= limit) {
                break;
            }
            ids.add(r.id);
        }
        return ids;
    }

    /** A readable rendering of a value with non-ASCII characters escaped. */
    public static String show(Value v) {
        StringBuilder out = new StringBuilder();
        for (char c : v.toString().toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
