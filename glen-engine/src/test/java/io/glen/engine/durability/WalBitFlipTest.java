package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.value.Value;
import io.glen.engine.internal.wal.WalSegmentFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Brief item 4: bit flips in the WAL.
 *
 * <p>Every bit of the last 3 records of the last segment is flipped in turn (one flip per
 * database). A flip in the last record is a torn tail: the database opens with every earlier
 * record and reports the cut. A flip in an earlier record (valid records follow) is corruption in
 * the middle of the log: open fails with {@link GlenCorruptionException} naming the segment and the
 * damaged record's offset; with {@code salvageCorruptWal} it opens without exactly that record and
 * reports the skipped bytes. Never wrong data, never another exception. The same is done for
 * every bit of the last record of a segment that is not the last (damage there is always
 * corruption: segments are forced before the next one is created).
 */
class WalBitFlipTest {

    static final long SEGMENT_BYTES = 8 * 1024;

    @Test
    void everyBitOfTheLastRecords() throws IOException {
        WalImages.Image image = WalImages.build(53, 100, SEGMENT_BYTES, false, true);
        long last = image.lastSegment();
        Path path = image.segmentPath(last);
        byte[] bytes = image.bytes(last);
        List<WalImages.Frame> frames = image.frames(last);
        assertThat(frames).hasSizeGreaterThanOrEqualTo(3);
        List<WalImages.Frame> damaged = frames.subList(frames.size() - 3, frames.size());
        int tornTails = 0;
        int corruptions = 0;
        for (WalImages.Frame frame : damaged) {
            boolean isLast = frame.end() == bytes.length;
            for (int offset = frame.start(); offset < frame.end(); offset++) {
                for (int bit = 0; bit < 8; bit++) {
                    String context = "bit " + bit + " of byte " + offset + " (record LSN " + frame.lsn() + " at "
                            + frame.start() + ", " + (isLast ? "last" : "followed by valid records") + ")";
                    SimulatedStorageFiles sim = image.copy(offset);
                    sim.replaceDurably(path, flip(bytes, offset, bit));
                    if (isLast) {
                        expectTornTail(image, sim, frame, bytes.length, context);
                        tornTails++;
                    } else {
                        expectCorruption(image, sim, path, frame, context);
                        corruptions++;
                    }
                }
            }
        }
        System.out.printf("[durability] WAL bit flips: %d bits of the last %d records of %s (bytes %d..%d): %d in the"
                        + " last record -> torn tail, prefix recovered; %d in earlier records -> GlenCorruptionException"
                        + " with file and offset, and salvage skips exactly that record%n", tornTails + corruptions,
                damaged.size(), WalSegmentFile.fileName(last), damaged.get(0).start(), bytes.length, tornTails,
                corruptions);
    }

    @Test
    void damageInASegmentThatIsNotTheLastIsCorruption() throws IOException {
        WalImages.Image image = WalImages.build(59, 100, SEGMENT_BYTES, false, true);
        assertThat(image.segments()).hasSizeGreaterThanOrEqualTo(2);
        long segment = image.segments().get(image.segments().size() - 2);
        Path path = image.segmentPath(segment);
        byte[] bytes = image.bytes(segment);
        List<WalImages.Frame> frames = image.frames(segment);
        WalImages.Frame frame = frames.get(frames.size() - 1);
        for (int offset = frame.start(); offset < frame.end(); offset++) {
            for (int bit = 0; bit < 8; bit++) {
                SimulatedStorageFiles sim = image.copy(offset);
                sim.replaceDurably(path, flip(bytes, offset, bit));
                expectCorruption(image, sim, path, frame, "bit " + bit + " of byte " + offset
                        + " of the last record of " + WalSegmentFile.fileName(segment));
            }
        }
        System.out.printf("[durability] WAL bit flips in the last record of non-last segment %s: %d bits"
                + " -> GlenCorruptionException; salvage skips the record%n", WalSegmentFile.fileName(segment),
                frame.length() * 8);
    }

    @Test
    void corruptionInTheMiddleFailsLoudlyAndSalvageOpens() throws IOException {
        WalImages.Image image = WalImages.build(61, 100, SEGMENT_BYTES, false, true);
        long last = image.lastSegment();
        Path path = image.segmentPath(last);
        byte[] bytes = image.bytes(last);
        List<WalImages.Frame> frames = image.frames(last);
        WalImages.Frame middle = frames.get(frames.size() / 2);
        byte[] damaged = bytes.clone();
        for (int i = middle.start() + 6; i < middle.start() + 10; i++) {
            damaged[i] ^= (byte) 0x5A;
        }
        SimulatedStorageFiles sim = image.copy(1);
        sim.replaceDurably(path, damaged);
        GlenOptions strict = WalImages.options(sim, SEGMENT_BYTES, false);
        GlenOptions salvage = WalImages.options(sim, SEGMENT_BYTES, true);

        Throwable failure = catchThrowable(() -> GlenDB.open(Harness.DIR, strict));
        assertThat(failure).isInstanceOf(GlenCorruptionException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("offset " + middle.start());
        GlenCorruptionException corruption = (GlenCorruptionException) failure;
        assertThat(corruption.file()).isEqualTo(path);
        assertThat(corruption.offset()).isEqualTo(middle.start());

        Model expected = image.withoutLsn(middle.lsn());
        try (GlenDB db = GlenDB.open(Harness.DIR, salvage)) {
            assertThat(db.stats().recoverySalvagedBytes()).isEqualTo(middle.length()).isPositive();
            Model actual = Model.read(db);
            assertThat(actual.sameData(expected)).as(expected.diff(actual)).isTrue();
            assertThat(actual.lsn).isEqualTo(image.lastLsn());
            db.put("users", "after-salvage", Value.of(1));
        }
        // The damaged bytes stay in the segment, so the strict mode still refuses it until a
        // compaction has moved everything into snapshots and deleted the damaged segment.
        assertThatThrownBy(() -> GlenDB.open(Harness.DIR, strict)).isInstanceOf(GlenCorruptionException.class);
        try (GlenDB db = GlenDB.open(Harness.DIR, salvage)) {
            assertThat(db.get("users", "after-salvage")).isEqualTo(Value.of(1));
            db.admin().compact();
        }
        try (GlenDB db = GlenDB.open(Harness.DIR, strict)) {
            Model actual = Model.read(db);
            expected.put("users", "after-salvage", image.lastLsn() + 1, Value.of(1));
            assertThat(actual.sameData(expected)).as(expected.diff(actual)).isTrue();
        }
    }

    static byte[] flip(byte[] bytes, int offset, int bit) {
        byte[] copy = bytes.clone();
        copy[offset] ^= (byte) (1 << bit);
        return copy;
    }

    private static void expectTornTail(WalImages.Image image, SimulatedStorageFiles sim, WalImages.Frame frame,
                                       int length, String context) {
        try (GlenDB db = GlenDB.open(Harness.DIR, WalImages.options(sim, SEGMENT_BYTES, false))) {
            image.prefixes().verify(db, (int) frame.lsn() - 1, (int) frame.lsn() - 1, context);
            assertThat(db.stats().recoveryTruncatedBytes()).as(context).isEqualTo(length - frame.start());
        }
    }

    private static void expectCorruption(WalImages.Image image, SimulatedStorageFiles sim, Path path,
                                         WalImages.Frame frame, String context) {
        Throwable failure = catchThrowable(() -> GlenDB.open(Harness.DIR, WalImages.options(sim, SEGMENT_BYTES, false)));
        assertThat(failure).as(context).isInstanceOf(GlenCorruptionException.class);
        GlenCorruptionException corruption = (GlenCorruptionException) failure;
        assertThat(corruption.file()).as(context).isEqualTo(path);
        assertThat(corruption.offset()).as(context).isEqualTo(frame.start());

        try (GlenDB db = GlenDB.open(Harness.DIR, WalImages.options(sim, SEGMENT_BYTES, true))) {
            assertThat(db.stats().recoverySalvagedBytes()).as(context).isEqualTo(frame.length());
            Model expected = image.withoutLsn(frame.lsn());
            Model actual = Model.read(db);
            assertThat(actual.sameData(expected)).as(context + ": " + expected.diff(actual)).isTrue();
            assertThat(actual.lsn).as(context).isEqualTo(image.lastLsn());
        }
    }
}
