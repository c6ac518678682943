package io.glen.engine.query;

import io.glen.engine.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A condition on documents. Build with the static factories and combine with {@link #and},
 * {@link #or} and {@link #not}.
 *
 * <p>Semantics (shared by index lookups and scans, so both always agree): a field path reaches
 * values as {@link io.glen.engine.internal.index.FieldValues} describes; an array field matches when the
 * array itself or any element matches. {@code eq} compares by the {@link Value} total order, so
 * {@code 3} equals {@code 3.0}. Range predicates ({@code lt}, {@code lte}, {@code gt},
 * {@code gte}) only match values of the operand's kind ({@code gt(5)} never matches a string).
 * {@code ne} and {@code notIn} are the negations of {@code eq} and {@code in}, so they match
 * documents that lack the field.
 */
public abstract sealed class Filter permits FieldPredicate, Conjunction, Disjunction, Negation, MatchAll {

    Filter() {
    }

    /** Whether the document satisfies this filter. */
    public abstract boolean matches(Value document);

    /** Every document. */
    public static Filter all() {
        return MatchAll.INSTANCE;
    }

    /** The field equals {@code value} (converted with {@link Value#of(Object)}). */
    public static Filter eq(String path, Object value) {
        return new FieldPredicate(path, Operator.EQ, List.of(Value.of(value)));
    }

    /** The field does not equal {@code value} (or is missing). */
    public static Filter ne(String path, Object value) {
        return new FieldPredicate(path, Operator.NE, List.of(Value.of(value)));
    }

    /** The field is less than {@code value} (same kind). */
    public static Filter lt(String path, Object value) {
        return new FieldPredicate(path, Operator.LT, List.of(nonNull(value)));
    }

    /** The field is at most {@code value} (same kind). */
    public static Filter lte(String path, Object value) {
        return new FieldPredicate(path, Operator.LTE, List.of(nonNull(value)));
    }

    /** The field is greater than {@code value} (same kind). */
    public static Filter gt(String path, Object value) {
        return new FieldPredicate(path, Operator.GT, List.of(nonNull(value)));
    }

    /** The field is at least {@code value} (same kind). */
    public static Filter gte(String path, Object value) {
        return new FieldPredicate(path, Operator.GTE, List.of(nonNull(value)));
    }

    /** The field is between {@code low} and {@code high}, both inclusive. */
    public static Filter between(String path, Object low, Object high) {
        return and(gte(path, low), lte(path, high));
    }

    /** The field equals one of {@code values}. */
    public static Filter in(String path, Collection<?> values) {
        List<Value> operands = new ArrayList<>(values.size());
        for (Object v : values) {
            operands.add(Value.of(v));
        }
        return new FieldPredicate(path, Operator.IN, operands);
    }

    /** The field equals one of {@code values}. */
    public static Filter in(String path, Object... values) {
        return in(path, List.of(values));
    }

    /** The field equals none of {@code values} (or is missing). */
    public static Filter notIn(String path, Collection<?> values) {
        return not(in(path, values));
    }

    /** The field is a string starting with {@code prefix}. */
    public static Filter startsWith(String path, String prefix) {
        return new FieldPredicate(path, Operator.STARTS_WITH, List.of(Value.of(prefix)));
    }

    /** The field is a string ending with {@code suffix} (evaluated by scanning candidates). */
    public static Filter endsWith(String path, String suffix) {
        return new FieldPredicate(path, Operator.ENDS_WITH, List.of(Value.of(suffix)));
    }

    /** The field is a string containing {@code part} (evaluated by scanning candidates). */
    public static Filter contains(String path, String part) {
        return new FieldPredicate(path, Operator.CONTAINS, List.of(Value.of(part)));
    }

    /** The field is a string wholly matching the regular expression (evaluated by scanning candidates). */
    public static Filter matches(String path, String regex) {
        return new FieldPredicate(path, Operator.MATCHES, List.of(Value.of(regex)));
    }

    /** The field is present (even when it holds null). */
    public static Filter exists(String path) {
        return new FieldPredicate(path, Operator.EXISTS, List.of(Value.TRUE));
    }

    /** The field is absent. */
    public static Filter notExists(String path) {
        return new FieldPredicate(path, Operator.EXISTS, List.of(Value.FALSE));
    }

    /** All of the filters hold. */
    public static Filter and(Filter... filters) {
        return new Conjunction(List.of(filters));
    }

    /** At least one of the filters holds. */
    public static Filter or(Filter... filters) {
        return new Disjunction(List.of(filters));
    }

    /** The filter does not hold. */
    public static Filter not(Filter filter) {
        return new Negation(Objects.requireNonNull(filter, "filter must not be null"));
    }

    /** This filter and {@code other}. */
    public Filter and(Filter other) {
        return and(this, other);
    }

    /** This filter or {@code other}. */
    public Filter or(Filter other) {
        return or(this, other);
    }

    private static Value nonNull(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a range bound must not be null");
        }
        return Value.of(value);
    }
}
