package io.glen.engine.value;

import java.util.Arrays;

/** Glen's total order over values; see {@link Value#compareTo(Value)}. */
public final class ValueOrder {

    private ValueOrder() {
    }

    /** Compares two values by the total order. */
    public static int compare(Value a, Value b) {
        if (a == b) {
            return 0;
        }
        ValueKind ka = a.kind();
        ValueKind kb = b.kind();
        if (ka.rank() != kb.rank()) {
            return Integer.compare(ka.rank(), kb.rank());
        }
        switch (ka) {
            case NULL:
                return 0;
            case BOOL:
                return Boolean.compare(a.asBoolean(), b.asBoolean());
            case INT:
            case FLOAT:
                return compareNumbers(a, b);
            case STRING:
                return compareStrings(a.asString(), b.asString());
            case BYTES:
                return Arrays.compareUnsigned(((BytesValue) a).unsafeArray(), ((BytesValue) b).unsafeArray());
            case ARRAY:
                return compareArrays(a, b);
            case OBJECT:
                return compareObjects((ObjectValue) a, (ObjectValue) b);
            case ID:
                return compareIds(a.asId(), b.asId());
            default:
                throw new IllegalStateException("unknown kind " + ka);
        }
    }

    /** Compares strings by Unicode code point (the same order as their UTF-8 bytes). */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (ca >= 0xD800 && cb >= 0xD800) {
                    // UTF-16 puts surrogates (supplementary code points) below U+E000..U+FFFF.
                    return Integer.compare(fixupSurrogateOrder(ca), fixupSurrogateOrder(cb));
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    private static int fixupSurrogateOrder(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    private static int compareNumbers(Value a, Value b) {
        boolean aInt = a.kind() == ValueKind.INT;
        boolean bInt = b.kind() == ValueKind.INT;
        if (aInt && bInt) {
            return Long.compare(a.asLong(), b.asLong());
        }
        if (!aInt && !bInt) {
            return compareDoubles(a.asDouble(), b.asDouble());
        }
        return aInt ? compareLongToDouble(a.asLong(), b.asDouble())
                : -compareLongToDouble(b.asLong(), a.asDouble());
    }

    /** Numeric order in which -0.0 equals 0.0 and NaN is above every number. */
    private static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0;
        }
        return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
    }

    /** Exact comparison of a long with a double, without the rounding of a widening conversion. */
    static int compareLongToDouble(long l, double d) {
        if (Double.isNaN(d) || d >= 0x1p63) {
            return -1;
        }
        if (d < -0x1p63) {
            return 1;
        }
        long truncated = (long) d;
        if (l != truncated) {
            return Long.compare(l, truncated);
        }
        double fraction = d - truncated;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }

    private static int compareArrays(Value a, Value b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareObjects(ObjectValue a, ObjectValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareStrings(a.nameAt(i), b.nameAt(i));
            if (c != 0) {
                return c;
            }
            c = compare(a.valueAt(i), b.valueAt(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIds(GlenId a, GlenId b) {
        int c = compareStrings(a.collection(), b.collection());
        if (c != 0) {
            return c;
        }
        c = compareStrings(a.docId(), b.docId());
        return c != 0 ? c : Long.compareUnsigned(a.version(), b.version());
    }
}
