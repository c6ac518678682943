package io.glen.bench;

/** Document ids: number {@code i} is {@code "d" + i}; a table avoids building strings in hot loops. */
public final class Keys {

    private Keys() {
    }

    /** The id of document number {@code i}. */
    public static String key(long i) {
        return "d" + i;
    }

    /** The ids of documents {@code 0..n-1}. */
    public static String[] table(int n) {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(i);
        }
        return keys;
    }
}
