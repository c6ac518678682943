package io.glen.engine.internal.events;

import io.glen.engine.events.ChangeStreamFormat;
import io.glen.engine.events.DeltaListener;
import io.glen.engine.events.DocumentChange;
import io.glen.engine.events.FieldChange;
import io.glen.engine.events.FieldDelta;
import io.glen.engine.events.FieldDeltaEvent;
import io.glen.engine.events.FieldDeltas;
import io.glen.engine.events.FieldListener;
import io.glen.engine.events.Subscription;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValuePath;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the hub's document changes into what the finer subscriptions deliver: field changes,
 * field deltas, and framed events written to a stream.
 */
public final class ListenerAdapters {

    private ListenerAdapters() {
    }

    /** Calls {@code listener} for the changes after which the value at {@code path} differs. */
    public static Consumer<DocumentChange> fieldChanges(String collection, String docId, String path,
                                                        FieldListener listener) {
        ValuePath parsed = ValuePath.parse(path);
        return change -> {
            Value before = at(parsed, change.oldValue());
            Value after = at(parsed, change.newValue());
            if (!Objects.equals(before, after)) {
                listener.onFieldChange(new FieldChange(collection, docId, path, change.lsn(), before, after));
            }
        };
    }

    /** Calls {@code listener} with the differences each change made under {@code path}. */
    public static Consumer<DocumentChange> fieldDeltas(String collection, String docId, String path,
                                                       DeltaListener listener) {
        ValuePath parsed = ValuePath.parse(path);
        return change -> {
            List<FieldDelta> deltas = FieldDeltas.diff(path, at(parsed, change.oldValue()), at(parsed, change.newValue()));
            if (!deltas.isEmpty()) {
                listener.onDelta(new FieldDeltaEvent(collection, docId, path, change.lsn(), deltas));
            }
        };
    }

    /**
     * Writes every change to {@code out} as a framed event ({@link ChangeStreamFormat}), flushing
     * after each; a failing stream closes the subscription {@code self} holds by then.
     */
    public static Consumer<DocumentChange> stream(OutputStream out, Subscription[] self) {
        return change -> {
            try {
                synchronized (out) {
                    ChangeStreamFormat.write(out, change);
                    out.flush();
                }
            } catch (IOException e) {
                if (self[0] != null) {
                    self[0].close();
                }
                throw new UncheckedIOException("change stream failed; subscription closed", e);
            }
        };
    }

    private static @Nullable Value at(ValuePath path, @Nullable Value document) {
        return document == null ? null : path.lookup(document);
    }
}
