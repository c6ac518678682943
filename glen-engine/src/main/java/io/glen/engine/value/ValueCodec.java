package io.glen.engine.value;

import io.glen.engine.DocumentTooLargeException;
import io.glen.engine.GlenCorruptionException;
import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.internal.codec.ByteSource;

/**
 * The canonical binary encoding of values (see {@code glen-engine/FORMAT.md}): a one-byte tag, then
 * the payload. Equal values encode to equal bytes, and the decoder accepts only canonical input
 * (minimal varints, sorted unique field names, one NaN, strict UTF-8) and no trailing bytes, so a
 * decoded value re-encodes to the bytes it came from.
 *
 * <p>Decoding untrusted bytes is safe: lengths are checked against the bytes left before anything is
 * allocated, nesting is capped at {@link Value#MAX_DEPTH}, and every defect is reported as a
 * {@link GlenCorruptionException}.
 */
public final class ValueCodec {

    static final int TAG_NULL = 0;
    static final int TAG_FALSE = 1;
    static final int TAG_TRUE = 2;
    static final int TAG_INT = 3;
    static final int TAG_FLOAT = 4;
    static final int TAG_STRING = 5;
    static final int TAG_BYTES = 6;
    static final int TAG_ARRAY = 7;
    static final int TAG_OBJECT = 8;
    static final int TAG_ID = 9;

    private static final long CANONICAL_NAN_BITS = Double.doubleToLongBits(Double.NaN);

    private ValueCodec() {
    }

    /** Each thread encodes into its own buffer, kept while it is small: one exact copy per encoding. */
    private static final ThreadLocal<ByteSink> SCRATCH = ThreadLocal.withInitial(() -> new ByteSink(1024));
    private static final int MAX_KEPT_SCRATCH = 1 << 20;

    /** Encodes a value. */
    public static byte[] encode(Value value) {
        return encode(value, Integer.MAX_VALUE);
    }

    /**
     * Encodes a value, refusing one whose encoding would exceed {@code maxBytes}.
     *
     * @throws DocumentTooLargeException when the encoding exceeds {@code maxBytes}
     */
    public static byte[] encode(Value value, int maxBytes) {
        ByteSink sink = SCRATCH.get();
        sink.reset();
        try {
            new Writer(sink, 0, maxBytes).write(value);
            return sink.toByteArray();
        } finally {
            if (sink.array().length > MAX_KEPT_SCRATCH) {
                SCRATCH.remove();
            }
        }
    }

    /**
     * Encodes the value of a document, refusing one whose encoding would exceed {@code maxBytes}.
     *
     * @throws DocumentTooLargeException naming the document, its encoded size and the limit
     */
    public static byte[] encodeDocument(String collection, String docId, Value value, int maxBytes) {
        try {
            return encode(value, maxBytes);
        } catch (DocumentTooLargeException e) {
            throw new DocumentTooLargeException(collection, docId, encodedSize(value), maxBytes);
        }
    }

    /**
     * The length of {@code value}'s encoding, counted without holding more of it than its largest
     * scalar (the encoder stops at the limit, so the full size of an oversized document is counted
     * separately for the error message).
     */
    public static long encodedSize(Value value) {
        return encodedSize(value, new ByteSink(64));
    }

    private static long encodedSize(Value value, ByteSink scratch) {
        scratch.reset();
        switch (value.kind()) {
            case BYTES -> {
                int length = ((BytesValue) value).length();
                scratch.u8(TAG_BYTES).varLong(length);
                return scratch.size() + (long) length;
            }
            case ARRAY -> {
                scratch.u8(TAG_ARRAY).varLong(value.size());
                long size = scratch.size();
                for (int i = 0; i < value.size(); i++) {
                    size += encodedSize(value.get(i), scratch);
                }
                return size;
            }
            case OBJECT -> {
                ObjectValue object = (ObjectValue) value;
                scratch.u8(TAG_OBJECT).varLong(object.size());
                long size = scratch.size();
                for (int i = 0; i < object.size(); i++) {
                    scratch.reset();
                    size += scratch.string(object.nameAt(i)).size();
                    size += encodedSize(object.valueAt(i), scratch);
                }
                return size;
            }
            default -> {
                new Writer(scratch, 0, Integer.MAX_VALUE).write(value);
                return scratch.size();
            }
        }
    }

    /** Appends the encoding of {@code value} to {@code sink}, refusing more than {@code maxBytes}. */
    static void write(ByteSink sink, Value value, int maxBytes) {
        int start = sink.size();
        new Writer(sink, start, maxBytes).write(value);
    }

    /** Decodes bytes that must hold exactly one value. */
    public static Value decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes {@code bytes[offset, offset + length)}, which must hold exactly one value. */
    public static Value decode(byte[] bytes, int offset, int length) {
        ByteSource source = new ByteSource(bytes, offset, length);
        Value value = read(source, 0);
        source.expectEnd("encoded value");
        return value;
    }

    /** Reads one value from {@code source}, leaving the position after it. */
    static Value read(ByteSource source) {
        return read(source, 0);
    }

    private static Value read(ByteSource in, int depth) {
        int at = in.position();
        int tag = in.u8();
        switch (tag) {
            case TAG_NULL:
                return Value.NULL;
            case TAG_FALSE:
                return Value.FALSE;
            case TAG_TRUE:
                return Value.TRUE;
            case TAG_INT:
                return IntValue.valueOf(in.zigzag());
            case TAG_FLOAT: {
                long bits = in.u64();
                double d = Double.longBitsToDouble(bits);
                if (Double.isNaN(d) && bits != CANONICAL_NAN_BITS) {
                    throw new GlenCorruptionException("non-canonical NaN at position " + at);
                }
                return FloatValue.valueOf(d);
            }
            case TAG_STRING:
                return StringValue.valueOf(in.string(Integer.MAX_VALUE));
            case TAG_BYTES: {
                int n = in.length("bytes length", 1, Integer.MAX_VALUE);
                return BytesValue.wrapOwned(in.bytes(n));
            }
            case TAG_ARRAY: {
                checkDepth(depth, at);
                int n = in.length("array length", 1, Integer.MAX_VALUE);
                Value[] elements = new Value[n];
                for (int i = 0; i < n; i++) {
                    elements[i] = read(in, depth + 1);
                }
                return ArrayValue.wrapOwned(elements);
            }
            case TAG_OBJECT: {
                checkDepth(depth, at);
                int n = in.length("object size", 2, Integer.MAX_VALUE);
                String[] names = new String[n];
                Value[] values = new Value[n];
                for (int i = 0; i < n; i++) {
                    int nameAt = in.position();
                    names[i] = in.sharedString(Integer.MAX_VALUE);
                    if (i > 0 && ValueOrder.compareStrings(names[i - 1], names[i]) >= 0) {
                        throw new GlenCorruptionException("object field names not strictly sorted at position " + nameAt);
                    }
                    values[i] = read(in, depth + 1);
                }
                return ObjectValue.wrapSorted(names, values);
            }
            case TAG_ID: {
                String collection = in.string(Integer.MAX_VALUE);
                String docId = in.string(Integer.MAX_VALUE);
                long version = in.varLong();
                if (version < 0) {
                    throw new GlenCorruptionException("id version out of range at position " + at);
                }
                return new IdValue(new GlenId(collection, docId, version));
            }
            default:
                throw new GlenCorruptionException("unknown value tag " + tag + " at position " + at);
        }
    }

    private static void checkDepth(int depth, int at) {
        if (depth >= Value.MAX_DEPTH) {
            throw new GlenCorruptionException("value nests deeper than " + Value.MAX_DEPTH
                    + " levels at position " + at);
        }
    }

    private static final class Writer {
        private final ByteSink sink;
        private final int start;
        private final int maxBytes;

        Writer(ByteSink sink, int start, int maxBytes) {
            this.sink = sink;
            this.start = start;
            this.maxBytes = maxBytes;
        }

        void write(Value value) {
            switch (value.kind()) {
                case NULL -> sink.u8(TAG_NULL);
                case BOOL -> sink.u8(value.asBoolean() ? TAG_TRUE : TAG_FALSE);
                case INT -> sink.u8(TAG_INT).zigzag(value.asLong());
                case FLOAT -> sink.u8(TAG_FLOAT).u64(Double.doubleToLongBits(value.asDouble()));
                case STRING -> sink.u8(TAG_STRING).string(value.asString());
                case BYTES -> {
                    checkSize(((BytesValue) value).length());
                    sink.u8(TAG_BYTES).lengthPrefixed(((BytesValue) value).unsafeArray());
                }
                case ARRAY -> {
                    sink.u8(TAG_ARRAY).varLong(value.size());
                    for (int i = 0; i < value.size(); i++) {
                        write(value.get(i));
                    }
                }
                case OBJECT -> {
                    ObjectValue object = (ObjectValue) value;
                    sink.u8(TAG_OBJECT).varLong(object.size());
                    for (int i = 0; i < object.size(); i++) {
                        sink.string(object.nameAt(i));
                        write(object.valueAt(i));
                    }
                }
                case ID -> {
                    GlenId id = value.asId();
                    sink.u8(TAG_ID).string(id.collection()).string(id.docId()).varLong(id.version());
                }
            }
            checkSize(0);
        }

        private void checkSize(int pending) {
            long written = (long) sink.size() - start + pending;
            if (written > maxBytes) {
                throw new DocumentTooLargeException("document encoding exceeds the maximum of " + maxBytes
                        + " bytes (maxDocumentBytes)", maxBytes);
            }
        }
    }
}
