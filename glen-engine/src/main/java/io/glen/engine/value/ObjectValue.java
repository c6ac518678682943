package io.glen.engine.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable object: fields kept sorted by name in code point order, so that equal objects have
 * one canonical encoding. Lookup by name is a binary search.
 */
public final class ObjectValue extends Value {

    static final ObjectValue EMPTY = new ObjectValue(new String[0], new Value[0], 1);

    private final String[] names;
    private final Value[] values;
    private final int depth;
    private int hash;

    private ObjectValue(String[] names, Value[] values, int depth) {
        this.names = names;
        this.values = values;
        this.depth = depth;
    }

    /**
     * Takes ownership of the arrays, which must already be sorted by {@link ValueOrder#compareStrings}
     * without duplicates.
     */
    static ObjectValue wrapSorted(String[] names, Value[] values) {
        if (names.length == 0) {
            return EMPTY;
        }
        int childDepth = 0;
        for (Value value : values) {
            childDepth = Math.max(childDepth, value.depth());
        }
        return new ObjectValue(names, values, checkedDepth(childDepth + 1));
    }

    @Override
    public ValueKind kind() {
        return ValueKind.OBJECT;
    }

    @Override
    public @Nullable Value get(String field) {
        int i = indexOf(field);
        return i >= 0 ? values[i] : null;
    }

    /** Whether the object has a field of that name (a field holding {@link Value#NULL} counts). */
    public boolean has(String field) {
        return indexOf(field) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    /** The name of the {@code i}-th field in canonical order. */
    public String nameAt(int i) {
        return names[i];
    }

    /** The value of the {@code i}-th field in canonical order. */
    public Value valueAt(int i) {
        return values[i];
    }

    /** An unmodifiable view of the fields in canonical (sorted) order. */
    @Override
    public Map<String, Value> asMap() {
        return new FieldMap();
    }

    /** A builder that starts with this object's fields. */
    public ObjectBuilder toBuilder() {
        ObjectBuilder builder = Value.object();
        for (int i = 0; i < names.length; i++) {
            builder.put(names[i], values[i]);
        }
        return builder;
    }

    private int indexOf(String field) {
        int lo = 0;
        int hi = names.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = ValueOrder.compareStrings(names[mid], field);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    int depth() {
        return depth;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectValue that
                && Arrays.equals(that.names, names)
                && Arrays.equals(that.values, values);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = (31 * Arrays.hashCode(names) + Arrays.hashCode(values)) | 1;
            hash = h;
        }
        return h;
    }

    private final class FieldMap extends AbstractMap<String, Value> {
        @Override
        public Set<Entry<String, Value>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Value>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < names.length;
                        }

                        @Override
                        public Entry<String, Value> next() {
                            if (next >= names.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(names[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
        }

        @Override
        public @Nullable Value get(Object key) {
            return key instanceof String name ? ObjectValue.this.get(name) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && has(name);
        }

        @Override
        public int size() {
            return names.length;
        }
    }
}
