package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenDB;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.internal.wal.WalSegmentFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Brief item 5: zero-filled tails, as some file systems leave them after a crash (the size was
 * updated, the data blocks never written).
 *
 * <ul>
 *   <li>Zeros appended after the last record, of many lengths: every record survives and exactly
 *       the zeros are cut.</li>
 *   <li>The last record zeroed from each of its offsets onwards (plus 0 or 100 further zeros): a
 *       torn record, the rest survives.</li>
 *   <li>A new segment that is all zeros (or empty), as after a crash while creating it: its header
 *       is torn, every earlier record survives, and the segment is rewritten for appending.</li>
 * </ul>
 * After each, a write, a power loss and a reopen must show the write and nothing left to cut.
 * Zeros after the last record of a segment that is not the last are corruption (such segments are
 * forced before the next is created), so that case must fail loudly.
 */
class WalZeroTailTest {

    static final long SEGMENT_BYTES = 8 * 1024;
    static final int[] LENGTHS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 100, 255, 256, 511, 512,
        1000, 4095, 4096, 4097, 8192, 10_000, 65_536};

    @Test
    void zeroFilledTailsAreTornTails() throws IOException {
        WalImages.Image image = WalImages.build(67, 60, SEGMENT_BYTES, false, true);
        long last = image.lastSegment();
        Path path = image.segmentPath(last);
        byte[] bytes = image.bytes(last);
        List<WalImages.Frame> frames = image.frames(last);
        WalImages.Frame lastFrame = frames.get(frames.size() - 1);
        int cases = 0;

        for (int zeros : LENGTHS) {
            SimulatedStorageFiles sim = image.copy(zeros);
            sim.replaceDurably(path, Arrays.copyOf(bytes, bytes.length + zeros));
            WalTruncationTest.checkCutDatabase(sim, WalImages.options(sim, SEGMENT_BYTES, false), image.prefixes(),
                    image.lastLsn(), zeros, zeros + " zero bytes after the last record");
            cases++;
        }
        int zeroedRecord = 0;
        for (int from = lastFrame.start(); from < lastFrame.end(); from++) {
            for (int extra : new int[] {0, 100}) {
                SimulatedStorageFiles sim = image.copy(from);
                byte[] damaged = Arrays.copyOf(bytes, bytes.length + extra);
                Arrays.fill(damaged, from, damaged.length, (byte) 0);
                sim.replaceDurably(path, damaged);
                WalTruncationTest.checkCutDatabase(sim, WalImages.options(sim, SEGMENT_BYTES, false), image.prefixes(),
                        (int) lastFrame.lsn() - 1, damaged.length - lastFrame.start(),
                        "last record zeroed from " + from + " plus " + extra + " zeros");
                zeroedRecord++;
            }
        }
        int newSegments = 0;
        for (int zeros : new int[] {0, 1, 19, 20, 21, 100, 4096}) {
            SimulatedStorageFiles sim = image.copy(zeros);
            sim.replaceDurably(image.segmentPath(last + 1), new byte[zeros]);
            WalTruncationTest.checkCutDatabase(sim, WalImages.options(sim, SEGMENT_BYTES, false), image.prefixes(),
                    image.lastLsn(), zeros, "new segment of " + zeros + " zero bytes");
            newSegments++;
        }
        System.out.printf("[durability] WAL zero-filled tails: %d zero-tail lengths (1..65536 bytes) after the last"
                        + " record, %d variants of a zeroed last record (%d offsets x 2), %d all-zero new segments"
                        + " (0..4096 bytes) -> torn tail, then write + power loss + reopen%n", cases, zeroedRecord,
                lastFrame.length(), newSegments);
    }

    @Test
    void zerosAfterTheLastRecordOfAnEarlierSegmentAreCorruption() throws IOException {
        WalImages.Image image = WalImages.build(67, 60, SEGMENT_BYTES, false, true);
        long segment = image.segments().get(image.segments().size() - 2);
        Path path = image.segmentPath(segment);
        byte[] bytes = image.bytes(segment);
        for (int zeros : new int[] {1, 7, 100, 4096}) {
            SimulatedStorageFiles sim = image.copy(zeros);
            sim.replaceDurably(path, Arrays.copyOf(bytes, bytes.length + zeros));
            Throwable failure = catchThrowable(() -> GlenDB.open(Harness.DIR, WalImages.options(sim, SEGMENT_BYTES, false)));
            assertThat(failure).isInstanceOf(GlenCorruptionException.class);
            assertThat(((GlenCorruptionException) failure).file()).isEqualTo(path);
            assertThat(((GlenCorruptionException) failure).offset()).isEqualTo(bytes.length);
        }
        System.out.printf("[durability] WAL zero tails in non-last segment %s: 4 lengths -> GlenCorruptionException%n",
                WalSegmentFile.fileName(segment));
    }
}
