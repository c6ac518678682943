package io.glen.engine.internal.wal;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenStorageException;
import io.glen.engine.internal.codec.LittleEndian;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Scans every WAL segment in order and hands each valid record to a consumer.
 *
 * <p>How damage is told apart:
 * <ul>
 *   <li>An invalid frame in the last segment with no valid record after it is a torn tail (a crash
 *       during a write, or zero-filled blocks): the segment is truncated there and forced.</li>
 *   <li>An invalid frame followed by a valid record (with a higher LSN), or damage in any segment
 *       but the last (those were forced before the next one was created), is corruption in the
 *       middle of the log: {@link GlenCorruptionException} names the file and offset. With
 *       {@code salvage} the damaged bytes are skipped instead and reported in the result.</li>
 *   <li>A record whose checksum matches but whose body does not decode, or whose LSN does not
 *       increase, is always corruption: a checksum collision is far less likely than a bug.</li>
 * </ul>
 */
public final class WalRecovery {

    private static final int MAX_VARINT_BYTES = 5;

    private WalRecovery() {
    }

    /**
     * What recovery found.
     *
     * @param lastLsn the highest LSN read (of a batch or a skip)
     * @param lastBatchLsn the highest LSN of a batch read
     * @param lastSegment the number of the last segment, or -1 when there is none
     * @param lastSegmentEnd where appending to the last segment continues
     * @param lastSegmentNeedsHeader whether the last segment lacks a complete header (crash while creating it)
     * @param segmentSizes every segment's valid size
     * @param records how many records were read
     * @param truncatedBytes how many bytes of torn tail were cut off
     * @param salvagedBytes how many damaged bytes were skipped (salvage mode only)
     */
    public record Result(long lastLsn, long lastBatchLsn, long lastSegment, long lastSegmentEnd, boolean lastSegmentNeedsHeader,
                         Map<Long, Long> segmentSizes, long records, long truncatedBytes, long salvagedBytes) {
    }

    /**
     * Replays every record of the WAL in {@code dir} into {@code apply}.
     *
     * @param coveredLsn the lowest LSN that every snapshot covers (0 without snapshots): LSNs are
     *     assigned one after another, so the log must continue at or before {@code coveredLsn + 1}
     *     and have no gaps; otherwise a segment or records are missing, which is corruption
     *     (salvage mode tolerates it)
     */
    public static Result recover(StorageFiles files, Path dir, boolean salvage, long coveredLsn,
                                 Consumer<WalRecord> apply) {
        List<Long> numbers;
        try {
            numbers = WalSegmentFile.numbers(files.list(dir));
        } catch (IOException e) {
            throw new GlenStorageException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        Scan scan = new Scan(salvage, coveredLsn, apply);
        Map<Long, Long> sizes = new TreeMap<>();
        long lastEnd = 0;
        boolean lastNeedsHeader = false;
        for (int i = 0; i < numbers.size(); i++) {
            long number = numbers.get(i);
            boolean last = i == numbers.size() - 1;
            if (i > 0 && number != numbers.get(i - 1) + 1) {
                throw new GlenCorruptionException("WAL segment " + WalSegmentFile.fileName(numbers.get(i - 1) + 1)
                        + " is missing between " + WalSegmentFile.fileName(numbers.get(i - 1)) + " and "
                        + WalSegmentFile.fileName(number), WalSegmentFile.path(dir, number), -1);
            }
            Path path = WalSegmentFile.path(dir, number);
            try (StorageFile file = files.openExisting(path)) {
                long size = file.size();
                if (size > Integer.MAX_VALUE - 64) {
                    throw new GlenCorruptionException("WAL segment is larger than 2 GiB", path, -1);
                }
                byte[] bytes = new byte[(int) size];
                file.readFully(ByteBuffer.wrap(bytes), 0);
                if (last && headerIsTorn(bytes)) {
                    lastNeedsHeader = true;
                    scan.truncated += size;
                    sizes.put(number, size);
                    break;
                }
                String headerProblem = WalSegmentFile.checkHeader(bytes, number);
                if (headerProblem != null) {
                    throw new GlenCorruptionException(headerProblem, path, 0);
                }
                int end = scan.segment(path, bytes, last);
                if (end < bytes.length) {
                    file.truncate(end);
                    file.force();
                }
                sizes.put(number, (long) end);
                lastEnd = end;
            } catch (IOException e) {
                throw new GlenStorageException("cannot read WAL segment " + path + ": " + e.getMessage(), e);
            }
        }
        long lastSegment = numbers.isEmpty() ? -1 : numbers.get(numbers.size() - 1);
        return new Result(scan.lastLsn, scan.lastBatchLsn, lastSegment, lastEnd, lastNeedsHeader, sizes, scan.records,
                scan.truncated, scan.salvaged);
    }

    /** A header that was never completely written: shorter than a header, or all zero bytes. */
    private static boolean headerIsTorn(byte[] bytes) {
        if (bytes.length < WalSegmentFile.HEADER_SIZE) {
            return true;
        }
        for (int i = 0; i < WalSegmentFile.HEADER_SIZE; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        for (int i = WalSegmentFile.HEADER_SIZE; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static final class Scan {
        private final boolean salvage;
        private final long coveredLsn;
        private final Consumer<WalRecord> apply;
        long lastLsn;
        long lastBatchLsn;
        long records;
        long truncated;
        long salvaged;

        Scan(boolean salvage, long coveredLsn, Consumer<WalRecord> apply) {
            this.salvage = salvage;
            this.coveredLsn = coveredLsn;
            this.apply = apply;
        }

        /** Reads the records of one segment; returns the end of the last valid record. */
        int segment(Path path, byte[] bytes, boolean last) {
            int pos = WalSegmentFile.HEADER_SIZE;
            while (pos < bytes.length) {
                Frame frame = Frame.at(bytes, pos);
                if (frame == null) {
                    int next = nextValidFrame(bytes, pos + 1, lastLsn);
                    if (next < 0 && last) {
                        truncated += bytes.length - pos;
                        return pos;
                    }
                    if (!salvage) {
                        throw new GlenCorruptionException(next >= 0
                                ? "corrupt WAL record followed by valid records"
                                : "corrupt WAL record in a segment that is not the last", path, pos);
                    }
                    if (next < 0) {
                        salvaged += bytes.length - pos;
                        return bytes.length;
                    }
                    salvaged += next - pos;
                    pos = next;
                    continue;
                }
                WalRecord record;
                try {
                    record = WalRecordCodec.decodeBody(bytes, frame.bodyStart, frame.bodyLength);
                } catch (GlenCorruptionException e) {
                    throw new GlenCorruptionException("WAL record with a valid checksum does not decode: "
                            + e.getMessage(), path, pos, e);
                }
                if (record.lsn() <= lastLsn) {
                    throw new GlenCorruptionException("WAL record LSN " + record.lsn()
                            + " does not follow LSN " + lastLsn, path, pos);
                }
                // A skip continues from the LSN it names; a batch from the one before it.
                long continues = record.isSkip() ? record.skippedFrom() : record.lsn() - 1;
                if (!salvage && records == 0 && continues > coveredLsn) {
                    throw new GlenCorruptionException("the WAL starts at LSN " + (continues + 1) + " but the snapshots "
                            + "cover only up to LSN " + coveredLsn + ": an earlier WAL segment is missing", path, pos);
                }
                if (!salvage && records > 0 && continues != lastLsn) {
                    throw new GlenCorruptionException("WAL record LSN " + record.lsn() + " follows LSN " + lastLsn
                            + ": the records in between are missing", path, pos);
                }
                apply.accept(record);
                lastLsn = record.lsn();
                if (!record.isSkip()) {
                    lastBatchLsn = record.lsn();
                }
                records++;
                pos = frame.bodyStart + frame.bodyLength;
            }
            return pos;
        }

        /** The offset of the next frame after {@code from} that checks and decodes, or -1. */
        private static int nextValidFrame(byte[] bytes, int from, long afterLsn) {
            for (int pos = from; pos < bytes.length; pos++) {
                Frame frame = Frame.at(bytes, pos);
                if (frame == null) {
                    continue;
                }
                try {
                    WalRecord record = WalRecordCodec.decodeBody(bytes, frame.bodyStart, frame.bodyLength);
                    if (record.lsn() > afterLsn) {
                        return pos;
                    }
                } catch (GlenCorruptionException notARecord) {
                    // A chance checksum match on garbage; keep looking.
                }
            }
            return -1;
        }
    }

    /** A frame whose length fits and whose checksum matches. */
    private static final class Frame {
        final int bodyStart;
        final int bodyLength;

        private Frame(int bodyStart, int bodyLength) {
            this.bodyStart = bodyStart;
            this.bodyLength = bodyLength;
        }

        static Frame at(byte[] bytes, int pos) {
            long length = 0;
            int p = pos;
            for (int shift = 0; ; shift += 7) {
                if (p >= bytes.length || shift >= 7 * MAX_VARINT_BYTES) {
                    return null;
                }
                int b = bytes[p++] & 0xFF;
                length |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (b == 0 && shift > 0) {
                        return null;
                    }
                    break;
                }
            }
            // The smallest body is a type byte, an LSN and an entry count; zero-filled space has length 0.
            if (length < 3 || length > WalRecordCodec.MAX_BODY_BYTES || length > bytes.length - p - 4L) {
                return null;
            }
            int crc = LittleEndian.getInt(bytes, p);
            int bodyStart = p + 4;
            if (WalRecordCodec.crc32c(bytes, bodyStart, (int) length) != crc) {
                return null;
            }
            return new Frame(bodyStart, (int) length);
        }
    }
}
