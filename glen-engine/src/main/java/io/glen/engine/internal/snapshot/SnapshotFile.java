package io.glen.engine.internal.snapshot;

import io.glen.engine.internal.codec.LittleEndian;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Names and the 40-byte header of snapshot files {@code <collection>.snap}:
 * magic {@code "GSNP"}, u32 format version, u64 covered LSN, u64 document count, u64 body length,
 * u32 CRC32C of the body, u32 CRC32C of the 36 header bytes before it.
 */
public final class SnapshotFile {

    /** Size of the header in bytes. */
    public static final int HEADER_SIZE = 40;
    /** The magic number, the ASCII bytes "GSNP" read as a little-endian int. */
    public static final int MAGIC = 0x504E5347;
    /** The current snapshot format version. */
    public static final int FORMAT_VERSION = 1;
    /** Suffix of snapshot files. */
    public static final String SUFFIX = ".snap";
    /** Suffix of snapshot files being written; such files are deleted on open. */
    public static final String TEMP_SUFFIX = ".snap.tmp";

    private SnapshotFile() {
    }

    /** The snapshot path of a collection. */
    public static Path path(Path dir, String collection) {
        return dir.resolve(collection + SUFFIX);
    }

    /** The temporary path a collection's snapshot is written to. */
    public static Path tempPath(Path dir, String collection) {
        return dir.resolve(collection + TEMP_SUFFIX);
    }

    /** The collection a file name is the snapshot of, or null. */
    public static @Nullable String collectionOf(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() == SUFFIX.length()) {
            return null;
        }
        return fileName.substring(0, fileName.length() - SUFFIX.length());
    }

    /** Parsed header fields. */
    /**
     * A snapshot's header.
     *
     * @param coveredLsn the LSN the snapshot covers
     * @param docCount how many documents it holds
     * @param bodyLength the body's length
     * @param bodyCrc the body's checksum
     */
    public record Header(long coveredLsn, long docCount, long bodyLength, int bodyCrc) {
    }

    /** The header of a snapshot with these properties (also used by tests that write old layouts). */
    public static byte[] encodeHeader(long coveredLsn, long docCount, long bodyLength, int bodyCrc) {
        byte[] header = new byte[HEADER_SIZE];
        LittleEndian.putInt(header, 0, MAGIC);
        LittleEndian.putInt(header, 4, FORMAT_VERSION);
        LittleEndian.putLong(header, 8, coveredLsn);
        LittleEndian.putLong(header, 16, docCount);
        LittleEndian.putLong(header, 24, bodyLength);
        LittleEndian.putInt(header, 32, bodyCrc);
        CRC32C crc = new CRC32C();
        crc.update(header, 0, 36);
        LittleEndian.putInt(header, 36, (int) crc.getValue());
        return header;
    }

    /** Parses a header; returns null with {@code problem[0]} set when it is invalid. */
    /** Decodes a header; null (with {@code problem[0]} set) when it does not verify. */
    public static @Nullable Header decodeHeader(byte[] header, String[] problem) {
        CRC32C crc = new CRC32C();
        crc.update(header, 0, 36);
        if (LittleEndian.getInt(header, 36) != (int) crc.getValue()) {
            problem[0] = "snapshot header checksum mismatch";
            return null;
        }
        if (LittleEndian.getInt(header, 0) != MAGIC) {
            problem[0] = "not a Glen snapshot (bad magic)";
            return null;
        }
        int version = LittleEndian.getInt(header, 4);
        if (version != FORMAT_VERSION) {
            problem[0] = "unsupported snapshot format version " + version + " (this Glen reads " + FORMAT_VERSION + ")";
            return null;
        }
        long lsn = LittleEndian.getLong(header, 8);
        long count = LittleEndian.getLong(header, 16);
        long bodyLength = LittleEndian.getLong(header, 24);
        if (lsn < 0 || count < 0 || bodyLength < 0) {
            problem[0] = "snapshot header holds negative fields";
            return null;
        }
        return new Header(lsn, count, bodyLength, LittleEndian.getInt(header, 32));
    }
}
