package io.glen.engine;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link Txn#commit()}.
 *
 * @param status committed, conflict or invalid
 * @param version the version every written document now has (the batch's LSN); 0 unless
 *     committed with at least one change
 * @param conflicts the documents whose versions no longer matched (empty unless CONFLICT)
 * @param message a human-readable explanation
 */
public record CommitResult(CommitStatus status, long version, List<DocumentKey> conflicts, String message) {

    /** Copies the conflict list. */
    public CommitResult {
        Objects.requireNonNull(status, "status must not be null");
        conflicts = List.copyOf(conflicts);
        Objects.requireNonNull(message, "message must not be null");
    }

    /** Whether the transaction committed. */
    public boolean committed() {
        return status == CommitStatus.COMMITTED;
    }

    static CommitResult committed(long version) {
        return new CommitResult(CommitStatus.COMMITTED, version, List.of(), "committed");
    }

    /** A conflict; each reason names a document, the version expected and the current one (0: absent). */
    static CommitResult conflict(List<DocumentKey> conflicts, List<String> reasons) {
        return new CommitResult(CommitStatus.CONFLICT, 0, conflicts,
                "conflict: " + String.join("; ", reasons) + " (0: no document)");
    }

    static CommitResult invalid(String why) {
        return new CommitResult(CommitStatus.INVALID, 0, List.of(), why);
    }
}
