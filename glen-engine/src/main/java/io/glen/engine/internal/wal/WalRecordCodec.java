package io.glen.engine.internal.wal;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.internal.codec.ByteSource;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Frames and bodies of WAL records.
 *
 * <pre>
 * frame := varuint bodyLen | u32 CRC32C(body) | body
 * body  := u8 type (1 = batch) | varuint lsn | varuint count | entry*
 *        | u8 type (2 = skip) | varuint lsn | varuint previousLsn
 * entry := u8 op (1 put, 2 delete) | string collection | string docId | [put: varuint len | value]
 * </pre>
 */
public final class WalRecordCodec {

    /** The record type of a batch. */
    public static final int TYPE_BATCH = 1;
    /** The record type of a skip over LSNs that are never used. */
    public static final int TYPE_SKIP = 2;
    /** The largest body a frame may carry. */
    public static final int MAX_BODY_BYTES = 1 << 30;

    private WalRecordCodec() {
    }

    /** Encodes the count and entries of a batch; done outside locks, before an LSN is known. */
    public static byte[] encodeEntries(List<WalEntry> entries) {
        int estimate = 16;
        for (WalEntry entry : entries) {
            estimate += 16 + entry.collection().length() + entry.docId().length()
                    + (entry.value() == null ? 0 : entry.value().length);
        }
        ByteSink sink = new ByteSink(estimate);
        sink.varLong(entries.size());
        for (WalEntry entry : entries) {
            sink.u8(entry.op().code()).string(entry.collection()).string(entry.docId());
            if (entry.op() == WalOp.PUT) {
                byte[] value = entry.value();
                if (value == null) {
                    throw new IllegalArgumentException("a put entry needs a value");
                }
                sink.lengthPrefixed(value);
            }
        }
        if (sink.size() > MAX_BODY_BYTES - 16) {
            throw new IllegalArgumentException("a batch of " + sink.size()
                    + " bytes exceeds the WAL record limit of " + MAX_BODY_BYTES + " bytes");
        }
        return sink.toByteArray();
    }

    /** Appends a complete frame for a batch with {@code lsn} and pre-encoded entries to {@code out}. */
    public static void appendFrame(ByteSink out, long lsn, byte[] encodedEntries) {
        int bodyLen = 1 + varLongSize(lsn) + encodedEntries.length;
        out.varLong(bodyLen);
        int crcAt = out.size();
        out.u32(0);
        int bodyStart = out.size();
        out.u8(TYPE_BATCH).varLong(lsn).bytes(encodedEntries);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), bodyStart, bodyLen);
        out.putU32At(crcAt, (int) crc.getValue());
    }

    /**
     * Appends a skip frame: LSNs after {@code previousLsn} up to {@code lsn} are never used. Written
     * when a database reopens below its {@link LsnHighWaterMark}, so the log's LSNs stay gap-free
     * (recovery treats a gap without a skip as missing records).
     */
    public static void appendSkipFrame(ByteSink out, long lsn, long previousLsn) {
        if (previousLsn < 0 || lsn <= previousLsn) {
            throw new IllegalArgumentException("a skip must go forward: " + previousLsn + " -> " + lsn);
        }
        int bodyLen = 1 + varLongSize(lsn) + varLongSize(previousLsn);
        out.varLong(bodyLen);
        int crcAt = out.size();
        out.u32(0);
        int bodyStart = out.size();
        out.u8(TYPE_SKIP).varLong(lsn).varLong(previousLsn);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), bodyStart, bodyLen);
        out.putU32At(crcAt, (int) crc.getValue());
    }

    /** Decodes a body whose checksum has been verified. */
    public static WalRecord decodeBody(byte[] buf, int offset, int length) {
        ByteSource in = new ByteSource(buf, offset, length);
        int type = in.u8();
        if (type != TYPE_BATCH && type != TYPE_SKIP) {
            throw new GlenCorruptionException("unknown WAL record type " + type);
        }
        long lsn = in.varLong();
        if (lsn <= 0) {
            throw new GlenCorruptionException("WAL record has invalid LSN " + lsn);
        }
        if (type == TYPE_SKIP) {
            long previous = in.varLong();
            if (previous < 0 || previous >= lsn) {
                throw new GlenCorruptionException("WAL skip record goes from LSN " + previous + " to " + lsn);
            }
            in.expectEnd("WAL skip record body");
            return new WalRecord(lsn, List.of(), previous);
        }
        int count = in.length("entry count", 4, Integer.MAX_VALUE);
        List<WalEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int opCode = in.u8();
            String collection = in.string(Integer.MAX_VALUE);
            String docId = in.string(Integer.MAX_VALUE);
            if (opCode == WalOp.PUT.code()) {
                int n = in.length("value length", 1, Integer.MAX_VALUE);
                entries.add(new WalEntry(WalOp.PUT, collection, docId, in.bytes(n)));
            } else if (opCode == WalOp.DELETE.code()) {
                entries.add(new WalEntry(WalOp.DELETE, collection, docId, null));
            } else {
                throw new GlenCorruptionException("unknown WAL entry op " + opCode);
            }
        }
        in.expectEnd("WAL record body");
        return new WalRecord(lsn, List.copyOf(entries));
    }

    /** The number of bytes {@code v} takes as a varint. */
    public static int varLongSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    /** CRC32C of a byte range. */
    public static int crc32c(byte[] buf, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buf, offset, length);
        return (int) crc.getValue();
    }
}
