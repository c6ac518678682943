package io.glen.engine.internal.wal;

import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.internal.codec.LittleEndian;
import java.util.zip.CRC32C;

/**
 * A batch record being framed (see {@link WalRecordCodec} for the layout). A writer fills in the
 * entry count and the entries before it knows its LSN, outside every lock, after room left for
 * the frame's head; {@link #seal} then writes the LSN, the body length and the checksum in front of
 * them, inside the log's append section, so the frame is written to the log with one copy.
 *
 * <p>One frame per writing thread is reused (see {@link #forThisThread}); not thread-safe.
 */
public final class WalFrame {

    /** Room for {@code varuint bodyLen | u32 crc | u8 type | varuint lsn} before the count. */
    static final int HEAD_ROOM = 5 + 4 + 1 + 10;

    private static final ThreadLocal<WalFrame> PER_THREAD = ThreadLocal.withInitial(WalFrame::new);

    /** A frame buffer grown past this by a large batch is dropped afterwards rather than kept. */
    private static final int MAX_KEPT_BYTES = 1 << 20;

    private ByteSink sink = new ByteSink(1024);
    private final CRC32C crc = new CRC32C();
    private int start;

    /** The reusable frame of the calling thread. */
    public static WalFrame forThisThread() {
        return PER_THREAD.get();
    }

    /** Starts a batch of {@code count} entries. */
    public WalFrame begin(int count) {
        if (sink.array().length > MAX_KEPT_BYTES) {
            sink = new ByteSink(1024);
        }
        sink.reset();
        sink.skip(HEAD_ROOM);
        sink.varLong(count);
        start = -1;
        return this;
    }

    /** Adds a put of pre-encoded collection name bytes, an id and a value's encoding. */
    public WalFrame put(byte[] collectionUtf8, String docId, byte[] value) {
        sink.u8(WalOp.PUT.code()).bytes(collectionUtf8).string(docId).lengthPrefixed(value);
        return this;
    }

    /** Adds a delete. */
    public WalFrame delete(byte[] collectionUtf8, String docId) {
        sink.u8(WalOp.DELETE.code()).bytes(collectionUtf8).string(docId);
        return this;
    }

    /**
     * Checks the body's size against the record limit before the frame goes anywhere near the log.
     *
     * @throws IllegalArgumentException when the batch exceeds {@link WalRecordCodec#MAX_BODY_BYTES}
     */
    public WalFrame checkSize() {
        int body = sink.size() - HEAD_ROOM;
        if (body > WalRecordCodec.MAX_BODY_BYTES - 16) {
            throw new IllegalArgumentException("a batch of " + body + " bytes exceeds the WAL record limit of "
                    + WalRecordCodec.MAX_BODY_BYTES + " bytes");
        }
        return this;
    }

    /**
     * Writes the head for {@code lsn} in front of the entries and the checksum; returns where the
     * frame starts in {@link #array()} (it ends at {@link #end()}).
     */
    int seal(long lsn) {
        byte[] buf = sink.array();
        int lsnSize = WalRecordCodec.varLongSize(lsn);
        int bodyStart = HEAD_ROOM - lsnSize - 1;
        buf[bodyStart] = WalRecordCodec.TYPE_BATCH;
        putVarLong(buf, bodyStart + 1, lsn);
        int bodyLength = sink.size() - bodyStart;
        crc.reset();
        crc.update(buf, bodyStart, bodyLength);
        LittleEndian.putInt(buf, bodyStart - 4, (int) crc.getValue());
        int lengthSize = WalRecordCodec.varLongSize(bodyLength);
        start = bodyStart - 4 - lengthSize;
        putVarLong(buf, start, bodyLength);
        return start;
    }

    private static void putVarLong(byte[] buf, int at, long v) {
        while ((v & ~0x7FL) != 0) {
            buf[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[at] = (byte) v;
    }

    /** The buffer holding the frame. */
    byte[] array() {
        return sink.array();
    }

    /** Where the frame ends in {@link #array()}. */
    int end() {
        return sink.size();
    }
}
