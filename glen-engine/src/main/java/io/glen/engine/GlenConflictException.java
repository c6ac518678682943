package io.glen.engine;

import java.util.List;

/**
 * A transaction kept conflicting: {@link GlenDB#inTransaction} gave up after its attempts, or a
 * caller turned a {@link CommitStatus#CONFLICT} into an exception.
 */
public class GlenConflictException extends GlenException {

    private static final long serialVersionUID = 1L;

    private final transient List<DocumentKey> conflicts;

    /** An exception naming the conflicting documents. */
    public GlenConflictException(String message, List<DocumentKey> conflicts) {
        super(message);
        this.conflicts = List.copyOf(conflicts);
    }

    /** The documents that conflicted in the last attempt. */
    public List<DocumentKey> conflicts() {
        return conflicts;
    }
}
