package io.glen.engine.internal.wal;

/** The kind of one entry in a WAL batch. */
public enum WalOp {
    /** Store a document's new encoded value. */
    PUT(1),
    /** Remove a document. */
    DELETE(2);

    private final int code;

    WalOp(int code) {
        this.code = code;
    }

    /** The byte written to the log. */
    public int code() {
        return code;
    }
}
