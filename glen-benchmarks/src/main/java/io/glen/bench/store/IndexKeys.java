package io.glen.bench.store;

/**
 * Keys of the hand-maintained secondary indexes of the key-value peers (MapDB tree set, MVStore
 * map): {@code value \0 id}, with numbers zero-padded so that string order is numeric order. This
 * is how applications index documents on these stores.
 */
final class IndexKeys {

    private IndexKeys() {
    }

    static String category(String category, String id) {
        return category + '\u0000' + id;
    }

    static String categoryLow(String category) {
        return category + '\u0000';
    }

    static String categoryHigh(String category) {
        return category + '\u0001';
    }

    static String score(long score, String id) {
        return pad(score) + '\u0000' + id;
    }

    static String pad(long value) {
        String digits = Long.toString(value);
        return "0".repeat(Math.max(0, 19 - digits.length())) + digits;
    }

    static String idOf(String indexKey) {
        return indexKey.substring(indexKey.indexOf('\u0000') + 1);
    }
}
