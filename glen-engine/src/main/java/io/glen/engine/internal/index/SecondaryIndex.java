package io.glen.engine.internal.index;

import io.glen.engine.index.IndexDefinition;

import io.glen.engine.value.Value;
import io.glen.engine.value.ValuePath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jspecify.annotations.Nullable;

/**
 * An ordered index over one or more field paths: a concurrent skip list of (key, id) entries in
 * {@link KeyPart} order, so equality and ranges cost O(log n + k) and readers never lock.
 *
 * <p>Keys: a document is indexed only if the first path reaches a value. Each path contributes
 * every value {@link FieldValues} reaches (an array field contributes the array and each element:
 * multikey); a missing later path of a composite index contributes {@link KeyPart#MISSING}. A
 * composite key is every combination of its paths' values. Updates happen under the database's
 * write lock; a writer adds a document's new entries before removing its stale ones, and counts a
 * document as {@link #multiValued multi-valued} before it uncounts its old keys.
 */
public final class SecondaryIndex {

    private static final Object[][] NO_KEYS = new Object[0][];

    private final IndexDefinition definition;
    private final ValuePath[] paths;
    private final ConcurrentSkipListSet<IndexEntry> entries = new ConcurrentSkipListSet<>(IndexEntry.ORDER);
    private final ConcurrentHashMap<String, Object[][]> keysByDoc = new ConcurrentHashMap<>();
    /** Per path: how many documents reach more than one distinct value there (an array and its elements). */
    private final AtomicIntegerArray multiValued;

    /** An empty index for {@code definition}. */
    public SecondaryIndex(IndexDefinition definition) {
        this.definition = definition;
        this.paths = definition.paths().stream().map(ValuePath::parse).toArray(ValuePath[]::new);
        this.multiValued = new AtomicIntegerArray(paths.length);
    }

    /**
     * Whether some indexed document reaches more than one distinct value at the path in key position
     * {@code position}. Then two range predicates on that path may be satisfied by different values
     * of one document, so their bounds must not be intersected.
     */
    public boolean multiValued(int position) {
        return multiValued.get(position) > 0;
    }

    /** The definition. */
    public IndexDefinition definition() {
        return definition;
    }

    /** The number of key parts. */
    public int width() {
        return paths.length;
    }

    /** The number of (key, id) entries. */
    public int entryCount() {
        return entries.size();
    }

    /** The number of indexed documents. */
    public int documentCount() {
        return keysByDoc.size();
    }

    /** Brings a document's entries up to date; {@code value} null removes the document. */
    public void update(String docId, @Nullable Value value) {
        Object[][] fresh = value == null ? NO_KEYS : keysOf(value);
        Object[][] stale = fresh.length == 0 ? keysByDoc.remove(docId) : keysByDoc.put(docId, fresh);
        countMultiValued(fresh, 1);
        for (Object[] key : fresh) {
            entries.add(IndexEntry.of(key, docId));
        }
        if (stale != null) {
            for (Object[] key : stale) {
                if (!contains(fresh, key)) {
                    entries.remove(IndexEntry.of(key, docId));
                }
            }
            countMultiValued(stale, -1);
        }
    }

    /** Adds {@code delta} to the count of every position where {@code keys} (one document's) differ. */
    private void countMultiValued(Object[][] keys, int delta) {
        for (int i = 0; i < paths.length; i++) {
            for (int k = 1; k < keys.length; k++) {
                if (KeyPart.compare(keys[k][i], keys[0][i]) != 0) {
                    multiValued.addAndGet(i, delta);
                    break;
                }
            }
        }
    }

    private static boolean contains(Object[][] keys, Object[] key) {
        for (Object[] k : keys) {
            if (KeyPart.compareKeys(k, key) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The distinct keys of a document (none when its first path is missing). */
    Object[][] keysOf(Value document) {
        List<Object[]> keys = new ArrayList<>();
        keys.add(new Object[0]);
        for (int i = 0; i < paths.length; i++) {
            List<Object> parts = distinct(FieldValues.at(document, paths[i]));
            if (parts.isEmpty()) {
                if (i == 0) {
                    return NO_KEYS;
                }
                parts = List.of(KeyPart.MISSING);
            }
            List<Object[]> extended = new ArrayList<>(keys.size() * parts.size());
            for (Object[] prefix : keys) {
                for (Object part : parts) {
                    Object[] key = Arrays.copyOf(prefix, prefix.length + 1);
                    key[prefix.length] = part;
                    extended.add(key);
                }
            }
            keys = extended;
        }
        return keys.toArray(new Object[0][]);
    }

    private static List<Object> distinct(List<Value> values) {
        if (values.size() <= 1) {
            return new ArrayList<>(values);
        }
        TreeSet<Object> set = new TreeSet<>(KeyPart::compare);
        set.addAll(values);
        return new ArrayList<>(set);
    }

    /**
     * The ids of documents with a key between {@code low} and {@code high} (full-width keys that may
     * hold {@link KeyPart.Bound}s), each id once, in key order (then id order).
     */
    public Iterator<String> scan(Object[] low, boolean lowInclusive, Object[] high, boolean highInclusive,
                                 boolean descending) {
        IndexEntry from = IndexEntry.boundary(low, !lowInclusive);
        IndexEntry to = IndexEntry.boundary(high, highInclusive);
        if (IndexEntry.ORDER.compare(from, to) > 0) {
            return java.util.Collections.emptyIterator();
        }
        NavigableSet<IndexEntry> range = entries.subSet(from, true, to, true);
        Iterator<IndexEntry> it = descending ? range.descendingIterator() : range.iterator();
        return new DistinctIds(it);
    }

    /** Drops every entry. */
    public void clear() {
        entries.clear();
        keysByDoc.clear();
        for (int i = 0; i < paths.length; i++) {
            multiValued.set(i, 0);
        }
    }

    private static final class DistinctIds implements Iterator<String> {
        private final Iterator<IndexEntry> entries;
        private final java.util.HashSet<String> seen = new java.util.HashSet<>();
        private @Nullable String next;

        DistinctIds(Iterator<IndexEntry> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            while (next == null && entries.hasNext()) {
                String id = entries.next().docId();
                if (id != null && seen.add(id)) {
                    next = id;
                }
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String id = next;
            next = null;
            return id;
        }
    }
}
