package io.glen.engine.events;

import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import org.jspecify.annotations.Nullable;

/**
 * One committed change of one document. A transaction or batch changing several documents
 * produces one change per document, all with the same {@link #lsn()}.
 */
public final class DocumentChange {

    private final String collection;
    private final String id;
    private final ChangeType type;
    private final long lsn;
    private final long oldVersion;
    private final byte @Nullable [] oldEncoded;
    private final @Nullable Value newValue;
    private volatile @Nullable Value oldValue;

    /** A change; {@code oldEncoded} is decoded lazily, on the listener's thread. */
    public DocumentChange(String collection, String id, ChangeType type, long lsn, long oldVersion,
                          byte @Nullable [] oldEncoded, @Nullable Value newValue) {
        this.collection = collection;
        this.id = id;
        this.type = type;
        this.lsn = lsn;
        this.oldVersion = oldVersion;
        this.oldEncoded = oldEncoded;
        this.newValue = newValue;
    }

    /** The collection. */
    public String collection() {
        return collection;
    }

    /** The document id. */
    public String id() {
        return id;
    }

    /** Insert, update or delete. */
    public ChangeType type() {
        return type;
    }

    /** The log sequence number of the commit; for puts also the document's new version. */
    public long lsn() {
        return lsn;
    }

    /** The document's new version, or 0 after a delete. */
    public long newVersion() {
        return type == ChangeType.DELETE ? 0 : lsn;
    }

    /** The version before the change, or 0 for an insert. */
    public long oldVersion() {
        return oldVersion;
    }

    /** The value before the change, or null for an insert. */
    public @Nullable Value oldValue() {
        Value value = oldValue;
        if (value == null && oldEncoded != null) {
            value = ValueCodec.decode(oldEncoded);
            oldValue = value;
        }
        return value;
    }

    /** The value after the change, or null for a delete. */
    public @Nullable Value newValue() {
        return newValue;
    }

    @Override
    public String toString() {
        return "DocumentChange[" + type + " " + collection + "/" + id + " @" + lsn + "]";
    }
}
