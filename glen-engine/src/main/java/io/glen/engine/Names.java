package io.glen.engine;

/**
 * The rules for collection names (which become file names) and document ids. Every violation is an
 * {@link IllegalArgumentException} that names the rule.
 */
public final class Names {

    /** Longest collection name. */
    public static final int MAX_COLLECTION_LENGTH = 100;
    /** Longest document id, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 1024;

    private Names() {
    }

    /**
     * Checks a collection name: 1 to 100 characters of ASCII letters, digits, {@code _}, {@code -}
     * and {@code .}; starting with a letter, digit or {@code _}; no {@code ..}. Names differing only
     * in case are distinct to Glen but may collide on case-insensitive file systems.
     */
    public static String checkCollection(String name) {
        if (name == null) {
            throw new IllegalArgumentException("collection name must not be null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("collection name must not be empty");
        }
        if (name.length() > MAX_COLLECTION_LENGTH) {
            throw new IllegalArgumentException("collection name must be at most " + MAX_COLLECTION_LENGTH
                    + " characters, got " + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!(letterOrDigit || c == '_' || c == '-' || c == '.')) {
                throw new IllegalArgumentException("collection name '" + printable(name)
                        + "' may only hold ASCII letters, digits, '_', '-' and '.' (found " + describe(c) + ")");
            }
            if (i == 0 && !(letterOrDigit || c == '_')) {
                throw new IllegalArgumentException("collection name '" + printable(name)
                        + "' must start with a letter, digit or '_'");
            }
        }
        if (name.contains("..")) {
            throw new IllegalArgumentException("collection name '" + printable(name) + "' must not contain '..'");
        }
        return name;
    }

    /**
     * Checks a document id: not empty, at most 1024 UTF-8 bytes, no control characters, no unpaired
     * surrogates.
     */
    public static String checkDocId(String id) {
        if (id == null) {
            throw new IllegalArgumentException("document id must not be null");
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("document id must not be empty");
        }
        int n = id.length();
        int i = 0;
        while (i < n) {
            // Printable ASCII, the common case: one byte each, nothing else to check.
            char c = id.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                break;
            }
            i++;
        }
        if (i == n) {
            if (n > MAX_ID_BYTES) {
                throw new IllegalArgumentException("document id must be at most " + MAX_ID_BYTES
                        + " UTF-8 bytes, got " + n);
            }
            return id;
        }
        int bytes = 0;
        for (i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("document id must not hold control characters (found "
                        + describe(c) + " at index " + i + ")");
            }
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("document id holds an unpaired surrogate at index " + i);
            } else {
                bytes += 3;
            }
        }
        if (bytes > MAX_ID_BYTES) {
            throw new IllegalArgumentException("document id must be at most " + MAX_ID_BYTES
                    + " UTF-8 bytes, got " + bytes);
        }
        return id;
    }

    private static String describe(char c) {
        return String.format("U+%04X", (int) c);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && i < 60; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
