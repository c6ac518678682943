package io.glen.engine.query;

/** Sort direction. */
public enum Direction {
    /** Smallest first; a missing field sorts before every value. */
    ASC,
    /** Largest first; a missing field sorts after every value. */
    DESC
}
