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
    private final ConcurrentHashMap<String, Indexed> keysByDoc = new ConcurrentHashMap<>();
    private final KeyCounts counts = new KeyCounts();
    private final java.util.concurrent.atomic.LongAdder entryCount = new java.util.concurrent.atomic.LongAdder();
    /** Per path: how many documents reach more than one distinct value there (an array and its elements). */
    private final AtomicIntegerArray multiValued;
    /**
     * Per path: how many documents are not sorted there by the key the index files them under:
     * the path reaches its value through an array ({@code items.sku}), so the value a query sorts
     * by ({@link Value#at}) is not the one in the index.
     */
    private final AtomicIntegerArray unsortable;
    /** The documents' keys and which paths are unsortable for them (bit i: path i). */
    private record Indexed(Object[][] keys, int unsortableMask) {
    }

    /** An empty index for {@code definition}. */
    public SecondaryIndex(IndexDefinition definition) {
        this.definition = definition;
        this.paths = definition.paths().stream().map(ValuePath::parse).toArray(ValuePath[]::new);
        this.multiValued = new AtomicIntegerArray(paths.length);
        this.unsortable = new AtomicIntegerArray(paths.length);
    }

    /**
     * Whether every indexed document is filed at key position {@code position} exactly under the
     * value a query sorts it by there (one value, not reached through an array): then scanning the
     * index yields documents in that path's sort order.
     */
    public boolean sortable(int position) {
        return multiValued.get(position) == 0 && unsortable.get(position) == 0;
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

    /** The number of (key, id) entries (counted as they change, not by a walk). */
    public long entryCount() {
        return entryCount.sum();
    }

    /** The number of indexed documents. */
    public int documentCount() {
        return keysByDoc.size();
    }

    /** Brings a document's entries up to date; {@code value} null removes the document. */
    public void update(String docId, @Nullable Value value) {
        Object[][] fresh = value == null ? NO_KEYS : keysOf(value);
        int freshMask = fresh.length == 0 ? 0 : unsortableMask(value);
        Indexed staleEntry = fresh.length == 0 ? keysByDoc.remove(docId)
                : keysByDoc.put(docId, new Indexed(fresh, freshMask));
        countMultiValued(fresh, 1);
        countUnsortable(freshMask, 1);
        for (Object[] key : fresh) {
            if (entries.add(IndexEntry.of(key, docId))) {
                entryCount.increment();
            }
        }
        Object[][] stale = staleEntry == null ? NO_KEYS : staleEntry.keys();
        for (Object[] key : stale) {
            if (!contains(fresh, key) && entries.remove(IndexEntry.of(key, docId))) {
                entryCount.decrement();
            }
        }
        if (staleEntry != null) {
            countMultiValued(stale, -1);
            countUnsortable(staleEntry.unsortableMask(), -1);
        }
        counts.update(stale, fresh);
    }

    /**
     * How many documents have a key starting with {@code prefix} (equality on the first
     * {@code prefix.size()} paths, as a query's {@code eq} predicates mean it), or -1 when that is
     * not counted (an array or object value): then walk the entries.
     */
    public long countPrefix(List<Value> prefix) {
        return counts.count(prefix);
    }

    /** The paths at which {@code document} is reached through an array (see {@link #unsortable}). */
    private int unsortableMask(@Nullable Value document) {
        int mask = 0;
        for (int i = 0; i < paths.length && document != null; i++) {
            if (paths[i].crossesArray(document)) {
                mask |= 1 << Math.min(i, 31);
            }
        }
        return mask;
    }

    private void countUnsortable(int mask, int delta) {
        for (int i = 0; i < paths.length; i++) {
            if ((mask & (1 << Math.min(i, 31))) != 0) {
                unsortable.addAndGet(i, delta);
            }
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

    /**
     * The ids of documents with a key between {@code low} and {@code high}, in key order ascending
     * or descending and, among equal keys, in ascending id order (the order queries sort by), each
     * entry once; for an index whose documents hold one key each in the scanned positions (see
     * {@link #multiValued}), so no id repeats but for a document moved by a concurrent write.
     */
    public Iterator<String> scanInOrder(Object[] low, boolean lowInclusive, Object[] high, boolean highInclusive,
                                        boolean descending) {
        IndexEntry from = IndexEntry.boundary(low, !lowInclusive);
        IndexEntry to = IndexEntry.boundary(high, highInclusive);
        if (IndexEntry.ORDER.compare(from, to) > 0) {
            return java.util.Collections.emptyIterator();
        }
        NavigableSet<IndexEntry> range = entries.subSet(from, true, to, true);
        if (!descending) {
            return new Ids(range.iterator());
        }
        return new DescendingKeysAscendingIds(range.descendingIterator());
    }

    /** The ids of entries, as they come. */
    private static final class Ids implements Iterator<String> {
        private final Iterator<IndexEntry> entries;
        private @Nullable String next;

        Ids(Iterator<IndexEntry> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            while (next == null && entries.hasNext()) {
                next = entries.next().docId();
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

    /**
     * Entries in descending key order, each run of equal keys turned around, so that ids ascend
     * within a key as query order wants (a descending scan alone yields them descending).
     */
    private static final class DescendingKeysAscendingIds implements Iterator<String> {
        private final Iterator<IndexEntry> entries;
        private final java.util.ArrayDeque<String> run = new java.util.ArrayDeque<>();
        private @Nullable IndexEntry pending;

        DescendingKeysAscendingIds(Iterator<IndexEntry> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            if (!run.isEmpty()) {
                return true;
            }
            IndexEntry first = pending != null ? pending : entries.hasNext() ? entries.next() : null;
            pending = null;
            while (first != null && first.docId() == null) {
                first = entries.hasNext() ? entries.next() : null;
            }
            if (first == null) {
                return false;
            }
            run.push(first.docId());
            while (entries.hasNext()) {
                IndexEntry e = entries.next();
                if (e.docId() == null) {
                    continue;
                }
                if (KeyPart.compareKeys(e.key(), first.key()) != 0) {
                    pending = e;
                    break;
                }
                run.push(e.docId());
            }
            return true;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return run.pop();
        }
    }

    /** Drops every entry. */
    public void clear() {
        entries.clear();
        keysByDoc.clear();
        counts.clear();
        entryCount.reset();
        for (int i = 0; i < paths.length; i++) {
            multiValued.set(i, 0);
            unsortable.set(i, 0);
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
