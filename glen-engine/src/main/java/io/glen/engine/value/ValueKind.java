package io.glen.engine.value;

/**
 * The kinds of {@link Value}. The declaration order is the order across kinds used by
 * {@link Value#compareTo(Value)}, except that {@link #INT} and {@link #FLOAT} share one numeric rank
 * and compare with each other by numeric value.
 */
public enum ValueKind {
    /** The null value. */
    NULL(0),
    /** {@code false} or {@code true}; false sorts first. */
    BOOL(1),
    /** A 64-bit signed integer. */
    INT(2),
    /** A 64-bit IEEE-754 float; NaN sorts above every other number. */
    FLOAT(2),
    /** A Unicode string, ordered by code point. */
    STRING(3),
    /** A byte string, ordered lexicographically as unsigned bytes. */
    BYTES(4),
    /** An ordered list of values, ordered element by element. */
    ARRAY(5),
    /** Fields sorted by name, ordered field by field (name, then value). */
    OBJECT(6),
    /** A reference to a document: collection, document id and version. */
    ID(7);

    private final int rank;

    ValueKind(int rank) {
        this.rank = rank;
    }

    /** The position of this kind in the order across kinds; INT and FLOAT share one rank. */
    public int rank() {
        return rank;
    }
}
