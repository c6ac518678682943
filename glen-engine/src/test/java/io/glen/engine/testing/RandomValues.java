package io.glen.engine.testing;

import io.glen.engine.value.GlenId;
import io.glen.engine.value.ObjectBuilder;
import io.glen.engine.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of random values for property-style tests. Every test that uses it reports its
 * seed on failure, so a failing case is reproduced by running with that seed.
 */
public final class RandomValues {

    private static final double[] SPECIAL_DOUBLES = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 0x1p53, 0x1p63, -0x1p63, 1.5, -2.5};
    private static final long[] SPECIAL_LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 127, 128, -128,
            -129, 1L << 53, (1L << 53) + 1, Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final String[] SPECIAL_STRINGS = {"", "a", "é", "日本", "\uD83D\uDE00", "\uFFFF", "\uE000",
            "a.b", "0", "null", " "};

    private final Random random;

    /** A generator with a fixed seed. */
    public RandomValues(long seed) {
        this.random = new Random(seed);
    }

    /** The underlying random source. */
    public Random random() {
        return random;
    }

    /** Any value, nesting at most {@code maxDepth} levels. */
    public Value any(int maxDepth) {
        int kind = random.nextInt(maxDepth > 0 ? 9 : 7);
        switch (kind) {
            case 0:
                return Value.NULL;
            case 1:
                return Value.of(random.nextBoolean());
            case 2:
                return Value.of(anyLong());
            case 3:
                return Value.of(anyDouble());
            case 4:
                return Value.of(string());
            case 5:
                byte[] bytes = new byte[random.nextInt(12)];
                random.nextBytes(bytes);
                return Value.of(bytes);
            case 6:
                return Value.of(new GlenId(name(), string(), random.nextInt(3) == 0 ? 0 : anyLong() & Long.MAX_VALUE));
            case 7:
                int n = random.nextInt(5);
                List<Value> elements = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    elements.add(any(maxDepth - 1));
                }
                return Value.array(elements);
            default:
                return object(maxDepth - 1);
        }
    }

    /** An object value with up to 6 fields. */
    public Value object(int maxDepth) {
        ObjectBuilder builder = Value.object();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            builder.put(string(), maxDepth > 0 ? any(maxDepth) : any(0));
        }
        return builder.build();
    }

    /** A small "realistic" document: a handful of named scalar fields and one nested object. */
    public Value document() {
        return Value.object()
                .put("name", name())
                .put("age", random.nextInt(100))
                .put("score", random.nextDouble() * 100)
                .put("active", random.nextBoolean())
                .put("address", Value.object().put("city", name()).put("zip", random.nextInt(99999)).build())
                .build();
    }

    /** A long, often an edge case. */
    public long anyLong() {
        return random.nextInt(4) == 0 ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)]
                : random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2000) - 1000;
    }

    /** A double, often an edge case. */
    public double anyDouble() {
        return random.nextInt(4) == 0 ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)]
                : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 10);
    }

    /** A string of mixed scripts (no unpaired surrogates), often an edge case. */
    public String string() {
        if (random.nextInt(4) == 0) {
            return SPECIAL_STRINGS[random.nextInt(SPECIAL_STRINGS.length)];
        }
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.append((char) ('a' + random.nextInt(26)));
                case 1 -> out.append((char) (0xA0 + random.nextInt(0x700)));
                case 2 -> out.append((char) (0x3040 + random.nextInt(0x60)));
                case 3 -> out.appendCodePoint(0x1F600 + random.nextInt(0x40));
                case 4 -> out.append((char) (0xE000 + random.nextInt(0x1000)));
                default -> out.append((char) ('0' + random.nextInt(10)));
            }
        }
        return out.toString();
    }

    /** A short ASCII name usable as a collection name or document id. */
    public String name() {
        return "n" + random.nextInt(1000);
    }

    private static final Value[] SMALL_NUMBERS = {Value.of(0), Value.of(0.0), Value.of(-0.0), Value.of(3),
            Value.of(3.0), Value.of(3.5), Value.of(-3), Value.of(-2.5), Value.of(Double.NaN),
            Value.of(Double.POSITIVE_INFINITY), Value.of(Double.NEGATIVE_INFINITY), Value.of(Long.MAX_VALUE),
            Value.of(Long.MIN_VALUE), Value.of(0x1p63), Value.of(-0x1p63), Value.of(1L << 53),
            Value.of((1L << 53) + 1), Value.of(0x1p53), Value.of(Long.MAX_VALUE - 1), Value.of(Double.MIN_VALUE)};
    private static final String[] SMALL_STRINGS = {"", "a", "ab", "b", "\uFFFF", "\uE000", "\uD83D\uDE00",
            "\uD83D\uDE01", "\u00E9"};

    /** {@code 0..maxLength} random bytes, often with the high bit set. */
    public byte[] bytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * A number from a small pool of edge cases (ints and floats of equal or adjacent numeric value,
     * NaN, infinities, -0.0), so that ties and near-ties across int and float are frequent.
     */
    public Value number() {
        return SMALL_NUMBERS[random.nextInt(SMALL_NUMBERS.length)];
    }

    /**
     * A value drawn from small domains (few numbers, strings, byte strings, ids; short arrays and
     * objects of them), so that random pairs and triples often compare equal or nearly equal.
     */
    public Value small(int maxDepth) {
        int kind = random.nextInt(maxDepth > 0 ? 9 : 7);
        switch (kind) {
            case 0:
                return Value.NULL;
            case 1:
                return Value.of(random.nextBoolean());
            case 2:
            case 3:
                return number();
            case 4:
                return Value.of(SMALL_STRINGS[random.nextInt(SMALL_STRINGS.length)]);
            case 5:
                byte[] bytes = new byte[random.nextInt(3)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (random.nextBoolean() ? 0x01 : 0xF0);
                }
                return Value.of(bytes);
            case 6:
                return Value.of(new GlenId(random.nextBoolean() ? "c" : "d", random.nextBoolean() ? "x" : "\uFFFF",
                        random.nextInt(2)));
            case 7:
                int n = random.nextInt(3);
                List<Value> elements = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    elements.add(small(maxDepth - 1));
                }
                return Value.array(elements);
            default:
                ObjectBuilder builder = Value.object();
                int fields = random.nextInt(3);
                for (int i = 0; i < fields; i++) {
                    builder.put(SMALL_STRINGS[random.nextInt(4)], small(maxDepth - 1));
                }
                return builder.build();
        }
    }

    /**
     * A valid document id of mixed scripts (never empty, no control characters, no unpaired
     * surrogates, far below the id length limit), often a plain ASCII one.
     */
    public String docId() {
        return random.nextInt(3) == 0 ? name() : "k" + string();
    }

    /** One of the given choices. */
    @SafeVarargs
    public final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    // ---------------------------------------------------------------- query-shaped documents

    /**
     * Strings that stress the string order and prefix bounds: non-ASCII, supplementary characters
     * (surrogate pairs), U+FFFF and U+E000 (which sort below supplementary characters), U+10FFFF.
     */
    private static final String[] QUERY_STRINGS = {"", "a", "ab", "abc", "abd", "b", "Zz", "é", "éa", "ß", "日",
            "日本", "\uD83D\uDE00", "\uD83D\uDE00x", "a\uD83D\uDE00", "\uFFFF", "a\uFFFF", "a\uFFFFb",
            "\uE000", "\uD7FF", "\uDBFF\uDFFF", "\uDBFF\uDFFFz", "x", "3"};

    /**
     * A scalar drawn from a small pool so that random predicates hit random documents: small ints,
     * floats equal to ints (3.0, -0.0) and between them (3.5), NaN and infinities, huge longs, the
     * strings above, booleans and null.
     */
    public Value queryScalar() {
        int r = random.nextInt(100);
        if (r < 35) {
            return Value.of((long) (random.nextInt(13) - 2));
        }
        if (r < 50) {
            double[] floats = {3.0, 3.5, 2.5, -0.0, 0.0, 4.0, 9.99, -1.5, 1e-9};
            return Value.of(floats[random.nextInt(floats.length)]);
        }
        if (r < 53) {
            double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0x1p53, 0x1p63};
            return Value.of(odd[random.nextInt(odd.length)]);
        }
        if (r < 55) {
            long[] odd = {Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, 1L << 53};
            return Value.of(odd[random.nextInt(odd.length)]);
        }
        if (r < 85) {
            return Value.of(queryString());
        }
        if (r < 92) {
            return Value.of(random.nextBoolean());
        }
        return Value.NULL;
    }

    /** One of the query strings. */
    public String queryString() {
        return QUERY_STRINGS[random.nextInt(QUERY_STRINGS.length)];
    }

    /** A scalar, or now and then a short array of scalars (possibly nested, possibly with duplicates). */
    public Value queryScalarOrArray() {
        int r = random.nextInt(10);
        if (r < 7) {
            return queryScalar();
        }
        return queryArray(r == 9 ? 1 : 0);
    }

    /** An array of 0 to 4 query scalars; at depth > 0 an element may itself be an array. */
    public Value queryArray(int depth) {
        int n = random.nextInt(5);
        List<Value> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (depth > 0 && random.nextInt(4) == 0) {
                elements.add(queryArray(depth - 1));
            } else if (i > 0 && random.nextInt(5) == 0) {
                elements.add(elements.get(random.nextInt(i))); // duplicate
            } else {
                elements.add(queryScalar());
            }
        }
        return Value.array(elements);
    }

    /**
     * A document shaped for query tests, every field optional: {@code a} (scalar), {@code b} (scalar or
     * array), {@code s} (mostly a string), {@code n} (mostly an object with {@code x}, {@code y},
     * {@code z.w}; sometimes a scalar or array), {@code tags} (mostly an array), {@code items} (mostly an
     * array of objects with {@code sku} and {@code qty}, sometimes with non-object elements).
     */
    public Value queryDocument() {
        ObjectBuilder doc = Value.object();
        if (random.nextInt(10) < 8) {
            doc.put("a", queryScalar());
        }
        if (random.nextInt(10) < 7) {
            doc.put("b", queryScalarOrArray());
        }
        if (random.nextInt(10) < 7) {
            doc.put("s", random.nextInt(6) == 0 ? queryScalar() : Value.of(queryString()));
        }
        if (random.nextInt(10) < 7) {
            int r = random.nextInt(10);
            if (r < 8) {
                ObjectBuilder n = Value.object();
                if (random.nextInt(4) != 0) {
                    n.put("x", queryScalar());
                }
                if (random.nextInt(3) != 0) {
                    n.put("y", queryScalarOrArray());
                }
                if (random.nextInt(3) == 0) {
                    n.put("z", Value.object().put("w", queryScalar()).build());
                }
                doc.put("n", n.build());
            } else {
                doc.put("n", queryScalarOrArray());
            }
        }
        if (random.nextInt(10) < 6) {
            doc.put("tags", random.nextInt(6) == 0 ? queryScalar() : queryArray(1));
        }
        if (random.nextInt(10) < 5) {
            int n = random.nextInt(4);
            List<Value> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(8) == 0) {
                    items.add(queryScalar());
                } else {
                    ObjectBuilder item = Value.object();
                    if (random.nextInt(5) != 0) {
                        item.put("sku", random.nextInt(4) == 0 ? queryScalar() : Value.of(queryString()));
                    }
                    if (random.nextInt(3) != 0) {
                        item.put("qty", Value.of((long) random.nextInt(6)));
                    }
                    items.add(item.build());
                }
            }
            doc.put("items", Value.array(items));
        }
        return doc.build();
    }
}
