package io.glen.engine.internal.index;

import io.glen.engine.value.ValueOrder;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an index: a key and the id of a document that has it. Range boundaries use a null
 * id that sorts before ({@code side < 0}) or after ({@code side > 0}) every id of the same key.
 */
record IndexEntry(Object[] key, @Nullable String docId, int side) {

    static final Comparator<IndexEntry> ORDER = (a, b) -> {
        int c = KeyPart.compareKeys(a.key, b.key);
        if (c != 0) {
            return c;
        }
        if (a.docId != null && b.docId != null) {
            return ValueOrder.compareStrings(a.docId, b.docId);
        }
        return Integer.compare(a.docId == null ? a.side : 0, b.docId == null ? b.side : 0);
    };

    static IndexEntry of(Object[] key, String docId) {
        return new IndexEntry(key, docId, 0);
    }

    static IndexEntry boundary(Object[] key, boolean afterAllIds) {
        return new IndexEntry(key, null, afterAllIds ? 1 : -1);
    }
}
