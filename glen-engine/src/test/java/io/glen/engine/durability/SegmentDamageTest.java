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
import org.junit.jupiter.api.Test;

/**
 * Brief item 7: damaged segment headers and missing segments.
 *
 * <p>A database with several 4 KiB segments is closed. Every bit of the 20-byte header of the
 * first, a middle and the last segment is flipped in turn; a middle segment's header is cut to
 * each length below 20 bytes, zeroed, or replaced by another segment's header; a middle segment is
 * deleted. Every case must refuse to open with {@link GlenCorruptionException} naming the damaged
 * (or missing) segment, changing nothing on disk. A missing segment is reported with the segment
 * after the gap as {@code file()} and the missing one named in the message.
 */
class SegmentDamageTest {

    static final long SEGMENT_BYTES = 4096;

    @Test
    void damagedHeadersAndMissingSegmentsAreCorruption() throws IOException {
        WalImages.Image image = WalImages.build(73, 80, SEGMENT_BYTES, false, true);
        assertThat(image.segments()).hasSizeGreaterThanOrEqualTo(4);
        long first = image.segments().get(0);
        long middle = image.segments().get(image.segments().size() / 2);
        long last = image.lastSegment();

        int flips = 0;
        for (long segment : new long[] {first, middle, last}) {
            byte[] bytes = image.bytes(segment);
            for (int offset = 0; offset < WalSegmentFile.HEADER_SIZE; offset++) {
                for (int bit = 0; bit < 8; bit++) {
                    expectCorrupt(image, segment, WalBitFlipTest.flip(bytes, offset, bit), 0,
                            "bit " + bit + " of header byte " + offset + " of " + WalSegmentFile.fileName(segment));
                    flips++;
                }
            }
        }
        byte[] bytes = image.bytes(middle);
        for (int size = 0; size < WalSegmentFile.HEADER_SIZE; size++) {
            expectCorrupt(image, middle, Arrays.copyOf(bytes, size), 0, "middle segment cut to " + size + " bytes");
        }
        byte[] zeroed = bytes.clone();
        Arrays.fill(zeroed, 0, WalSegmentFile.HEADER_SIZE, (byte) 0);
        expectCorrupt(image, middle, zeroed, 0, "zeroed header of the middle segment");
        byte[] renumbered = bytes.clone();
        System.arraycopy(image.bytes(first), 0, renumbered, 0, WalSegmentFile.HEADER_SIZE);
        GlenCorruptionException wrongNumber = expectCorrupt(image, middle, renumbered, 0,
                "the middle segment carries the first one's header");
        assertThat(wrongNumber).hasMessageContaining("says number " + first);

        SimulatedStorageFiles sim = image.copy(1);
        sim.deleteDurably(image.segmentPath(middle));
        Throwable failure = catchThrowable(() -> GlenDB.open(Harness.DIR, WalImages.options(sim, SEGMENT_BYTES, false)));
        assertThat(failure).isInstanceOf(GlenCorruptionException.class)
                .hasMessageContaining(WalSegmentFile.fileName(middle)).hasMessageContaining("missing");
        // file() is the segment found after the gap; the message names the missing one.
        assertThat(((GlenCorruptionException) failure).file()).isEqualTo(image.segmentPath(middle + 1));
        assertThat(sim.mutationCount()).isZero();

        System.out.printf("[durability] segment damage (%d segments): %d header bit flips (first, middle, last"
                + " segment), 20 cut headers, zeroed header, wrong segment number, missing middle segment"
                + " %s -> GlenCorruptionException naming the segment%n", image.segments().size(), flips,
                WalSegmentFile.fileName(middle));
    }

    private static GlenCorruptionException expectCorrupt(WalImages.Image image, long segment, byte[] damaged,
                                                         long offset, String context) throws IOException {
        SimulatedStorageFiles sim = image.copy(damaged.length);
        Path path = image.segmentPath(segment);
        sim.replaceDurably(path, damaged);
        Throwable failure = catchThrowable(() -> GlenDB.open(Harness.DIR, WalImages.options(sim, SEGMENT_BYTES, false)));
        assertThat(failure).as(context).isInstanceOf(GlenCorruptionException.class);
        GlenCorruptionException corruption = (GlenCorruptionException) failure;
        assertThat(corruption.file()).as(context).isEqualTo(path);
        assertThat(corruption.offset()).as(context).isEqualTo(offset);
        assertThat(sim.mutationCount()).as(context + ": a refused open changes nothing on disk").isZero();
        return corruption;
    }
}
