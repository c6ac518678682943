package io.glen.engine.internal.wal;

import io.glen.engine.internal.codec.LittleEndian;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Names and headers of WAL segment files {@code glen.wal.N}. The 20-byte header is: magic
 * {@code "GLWL"}, u32 format version, u64 segment number, u32 CRC32C of the 16 bytes before it.
 */
public final class WalSegmentFile {

    /** Size of the segment header in bytes. */
    public static final int HEADER_SIZE = 20;
    /** The magic number, the ASCII bytes "GLWL" read as a little-endian int. */
    public static final int MAGIC = 0x4C574C47;
    /** The current WAL format version. */
    public static final int FORMAT_VERSION = 1;

    private static final String PREFIX = "glen.wal.";

    private WalSegmentFile() {
    }

    /** The file name of segment {@code number}. */
    public static String fileName(long number) {
        return PREFIX + number;
    }

    /** The path of segment {@code number} in {@code dir}. */
    public static Path path(Path dir, long number) {
        return dir.resolve(fileName(number));
    }

    /** The segment number a file name denotes, or null when it is not a segment name. */
    public static @Nullable Long parseNumber(String fileName) {
        if (!fileName.startsWith(PREFIX)) {
            return null;
        }
        String digits = fileName.substring(PREFIX.length());
        if (digits.isEmpty() || digits.length() > 18) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return null;
        }
        return Long.parseLong(digits);
    }

    /** The segment numbers among {@code fileNames}, sorted ascending. */
    public static List<Long> numbers(List<String> fileNames) {
        List<Long> numbers = new ArrayList<>();
        for (String name : fileNames) {
            Long n = parseNumber(name);
            if (n != null) {
                numbers.add(n);
            }
        }
        numbers.sort(null);
        return numbers;
    }

    /** The header bytes of segment {@code number}. */
    public static byte[] header(long number) {
        byte[] header = new byte[HEADER_SIZE];
        LittleEndian.putInt(header, 0, MAGIC);
        LittleEndian.putInt(header, 4, FORMAT_VERSION);
        LittleEndian.putLong(header, 8, number);
        CRC32C crc = new CRC32C();
        crc.update(header, 0, 16);
        LittleEndian.putInt(header, 16, (int) crc.getValue());
        return header;
    }

    /**
     * Checks a header; returns null when it is valid for segment {@code number}, else what is wrong.
     */
    public static @Nullable String checkHeader(byte[] bytes, long number) {
        if (bytes.length < HEADER_SIZE) {
            return "segment header is truncated";
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 16);
        if (LittleEndian.getInt(bytes, 16) != (int) crc.getValue()) {
            return "segment header checksum mismatch";
        }
        if (LittleEndian.getInt(bytes, 0) != MAGIC) {
            return "not a Glen WAL segment (bad magic)";
        }
        int version = LittleEndian.getInt(bytes, 4);
        if (version != FORMAT_VERSION) {
            return "unsupported WAL format version " + version + " (this Glen reads " + FORMAT_VERSION + ")";
        }
        long stored = LittleEndian.getLong(bytes, 8);
        if (stored != number) {
            return "segment header says number " + stored + " but the file is named for " + number;
        }
        return null;
    }
}
