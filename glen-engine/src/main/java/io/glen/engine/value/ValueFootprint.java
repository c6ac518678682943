package io.glen.engine.value;

/**
 * Estimates the heap bytes a decoded value occupies, for the cache's weigher. It models a 64-bit
 * HotSpot JVM with compressed references (12-byte object headers, 4-byte references, 8-byte
 * alignment) and compact Latin-1 strings, and counts only memory the value holds alone: shared
 * singletons ({@code null}, booleans, small integers, empty containers) and object field names
 * (the decoder shares them between documents) count nothing.
 */
public final class ValueFootprint {

    private static final int HEADER = 12;
    private static final int REF = 4;

    private ValueFootprint() {
    }

    /** The estimated heap bytes of {@code value} and everything only it references. */
    public static long estimate(Value value) {
        if (value instanceof ObjectValue object) {
            if (object == ObjectValue.EMPTY) {
                return 0;
            }
            int n = object.size();
            long bytes = align(HEADER + 3 * REF + 4) + 2 * array(n, REF);
            for (int i = 0; i < n; i++) {
                bytes += estimate(object.valueAt(i));
            }
            return bytes;
        }
        if (value instanceof ArrayValue array) {
            if (array == ArrayValue.EMPTY) {
                return 0;
            }
            int n = array.size();
            long bytes = align(HEADER + REF + 8) + array(n, REF);
            for (int i = 0; i < n; i++) {
                bytes += estimate(array.get(i));
            }
            return bytes;
        }
        if (value instanceof StringValue string) {
            return string == StringValue.EMPTY ? 0 : align(HEADER + REF) + string(string.asString());
        }
        if (value instanceof IntValue) {
            long v = value.asLong();
            return v >= -128 && v <= 127 ? 0 : align(HEADER + 8);
        }
        if (value instanceof FloatValue) {
            return align(HEADER + 8);
        }
        if (value instanceof BytesValue bytes) {
            return align(HEADER + REF) + array(bytes.length(), 1);
        }
        if (value instanceof IdValue id) {
            GlenId glenId = id.asId();
            return align(HEADER + REF) + align(HEADER + 2 * REF + 8) + string(glenId.collection())
                    + string(glenId.docId());
        }
        return 0; // null and booleans are singletons
    }

    /** A {@code java.lang.String} with its backing array. */
    static long string(String s) {
        boolean latin1 = true;
        for (int i = 0; i < s.length() && latin1; i++) {
            latin1 = s.charAt(i) < 256;
        }
        return align(HEADER + REF + 4 + 2) + array(s.length(), latin1 ? 1 : 2);
    }

    private static long array(int length, int elementBytes) {
        return align(HEADER + 4 + (long) length * elementBytes);
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
