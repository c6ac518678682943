package io.glen.engine.value;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** An immutable ordered list of values. */
public final class ArrayValue extends Value {

    static final ArrayValue EMPTY = new ArrayValue(new Value[0], 1);

    private final Value[] elements;
    private final int depth;
    private int hash;

    private ArrayValue(Value[] elements, int depth) {
        this.elements = elements;
        this.depth = depth;
    }

    /** Takes ownership of {@code elements}; callers must not keep or change the array. */
    static ArrayValue wrapOwned(Value[] elements) {
        if (elements.length == 0) {
            return EMPTY;
        }
        int childDepth = 0;
        for (Value element : elements) {
            if (element == null) {
                throw new NullPointerException("array elements must not be null; use Value.NULL");
            }
            childDepth = Math.max(childDepth, element.depth());
        }
        return new ArrayValue(elements, checkedDepth(childDepth + 1));
    }

    @Override
    public ValueKind kind() {
        return ValueKind.ARRAY;
    }

    @Override
    public List<Value> asList() {
        return Collections.unmodifiableList(Arrays.asList(elements));
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public Value get(int index) {
        return elements[index];
    }

    @Override
    int depth() {
        return depth;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrayValue that && Arrays.equals(that.elements, elements);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(elements) | 1;
            hash = h;
        }
        return h;
    }
}
