package io.glen.engine.query;

/** The comparison a {@link Filter} field predicate makes. */
public enum Operator {
    /** Equal by the value order. */
    EQ("="),
    /** Not equal (or missing). */
    NE("!="),
    /** Less than, same kind. */
    LT("<"),
    /** At most, same kind. */
    LTE("<="),
    /** Greater than, same kind. */
    GT(">"),
    /** At least, same kind. */
    GTE(">="),
    /** Equal to one of the operands. */
    IN("in"),
    /** String prefix. */
    STARTS_WITH("starts with"),
    /** String suffix. */
    ENDS_WITH("ends with"),
    /** Substring. */
    CONTAINS("contains"),
    /** Whole-string regular expression match. */
    MATCHES("matches"),
    /** Presence (operand true) or absence (operand false). */
    EXISTS("exists");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** How the operator is written in plans and filters' {@code toString}. */
    public String symbol() {
        return symbol;
    }
}
