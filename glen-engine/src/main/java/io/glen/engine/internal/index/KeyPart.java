package io.glen.engine.internal.index;

import io.glen.engine.value.Value;

/**
 * One component of an index key or sort key: a {@link Value}, {@link #MISSING} (the document has
 * no value at the path; sorts before everything), or a {@link Bound} used only in range
 * boundaries.
 */
public final class KeyPart {

    /** A path with no value: below every value, including null. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    /** Below or above every value of one kind rank (see {@link io.glen.engine.value.ValueKind#rank()}). */
    public record Bound(int rank, boolean high) {
    }

    /** The lowest key part of all. */
    public static final Bound LOWEST = new Bound(Integer.MIN_VALUE, false);
    /** The highest key part of all. */
    public static final Bound HIGHEST = new Bound(Integer.MAX_VALUE, true);

    private KeyPart() {
    }

    /** The part just below every value of {@code value}'s kind. */
    public static Bound lowOf(Value value) {
        return new Bound(value.kind().rank(), false);
    }

    /** The part just above every value of {@code value}'s kind. */
    public static Bound highOf(Value value) {
        return new Bound(value.kind().rank(), true);
    }

    /** Compares two parts. */
    public static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof Value va && b instanceof Value vb) {
            return va.compareTo(vb);
        }
        return Double.compare(position(a), position(b));
    }

    /** A coarse position: MISSING at -inf, a value at 2*rank+1, a bound just below or above it. */
    private static double position(Object part) {
        if (part == MISSING) {
            return -1e18;
        }
        if (part instanceof Bound bound) {
            if (bound.rank() == Integer.MIN_VALUE) {
                return -2e18;
            }
            if (bound.rank() == Integer.MAX_VALUE) {
                return 2e18;
            }
            return 2.0 * bound.rank() + 1 + (bound.high() ? 0.5 : -0.5);
        }
        return 2.0 * ((Value) part).kind().rank() + 1;
    }

    /** Compares two keys part by part; a shorter key that is a prefix sorts first. */
    public static int compareKeys(Object[] a, Object[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
