package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.internal.snapshot.SnapshotFile;
import io.glen.engine.testing.SimulatedStorageFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Brief item 6: damaged snapshots.
 *
 * <p>A database is compacted midway (so the snapshots are the only copy of the first half of the
 * history) and closed. Its {@code users.snap} is cut at every offset, grown by a few bytes, and has
 * every bit flipped in turn: each damaged database must refuse to open with
 * {@link GlenCorruptionException} naming the snapshot file, change nothing on disk, and release its
 * directory lock; nothing is ever half loaded. Stray {@code *.snap.tmp} files (garbage, empty, or
 * a complete snapshot of other data) are deleted on open and never loaded.
 */
class SnapshotDamageTest {

    static final long SEGMENT_BYTES = 8 * 1024;

    @Test
    void everyTruncationAndEveryBitFlipOfASnapshotIsRefused() throws IOException {
        WalImages.Image image = WalImages.build(71, 30, SEGMENT_BYTES, true, true);
        Path snap = SnapshotFile.path(Harness.DIR, "users");
        byte[] bytes = image.sim().readAll(snap);
        assertThat(bytes.length).isGreaterThan(SnapshotFile.HEADER_SIZE + 100);

        int truncations = 0;
        for (int cut = 0; cut < bytes.length; cut++) {
            expectRefused(image, snap, Arrays.copyOf(bytes, cut), "cut at " + cut);
            truncations++;
        }
        for (int extra : new int[] {1, 7, 64}) {
            expectRefused(image, snap, Arrays.copyOf(bytes, bytes.length + extra), extra + " bytes appended");
        }
        int bits = 0;
        for (int offset = 0; offset < bytes.length; offset++) {
            for (int bit = 0; bit < 8; bit++) {
                expectRefused(image, snap, WalBitFlipTest.flip(bytes, offset, bit), "bit " + bit + " of byte " + offset);
                bits++;
            }
        }
        System.out.printf("[durability] snapshot damage: users.snap (%d bytes): %d truncation offsets, 3 grown"
                + " variants, %d bit flips -> GlenCorruptionException naming the file%n", bytes.length, truncations, bits);
    }

    private static void expectRefused(WalImages.Image image, Path snap, byte[] damaged, String context) throws IOException {
        SimulatedStorageFiles sim = image.copy(damaged.length);
        sim.replaceDurably(snap, damaged);
        GlenOptions options = WalImages.options(sim, SEGMENT_BYTES, false);
        Throwable failure = catchThrowable(() -> GlenDB.open(Harness.DIR, options));
        assertThat(failure).as(context).isInstanceOf(GlenCorruptionException.class);
        assertThat(((GlenCorruptionException) failure).file()).as(context).isEqualTo(snap);
        assertThat(failure.getMessage()).as(context).contains(snap.toString());
        assertThat(sim.mutationCount()).as(context + ": a refused open changes nothing on disk").isZero();
        sim.lockDirectory(Harness.DIR, "glen.lock").close();
    }

    @Test
    void straySnapshotTempFilesAreRemovedAndIgnored() throws IOException {
        WalImages.Image image = WalImages.build(71, 30, SEGMENT_BYTES, true, true);
        WalImages.Image other = WalImages.build(72, 30, SEGMENT_BYTES, true, true);
        SimulatedStorageFiles sim = image.copy(3);
        byte[] garbage = new byte[300];
        new Random(3).nextBytes(garbage);
        sim.replaceDurably(SnapshotFile.tempPath(Harness.DIR, "users"), other.sim().readAll(SnapshotFile.path(Harness.DIR, "users")));
        sim.replaceDurably(SnapshotFile.tempPath(Harness.DIR, "orders"), garbage);
        sim.replaceDurably(SnapshotFile.tempPath(Harness.DIR, "events.log"), new byte[0]);
        byte[] otherOrders = other.sim().readAll(SnapshotFile.path(Harness.DIR, "orders"));
        sim.replaceDurably(SnapshotFile.tempPath(Harness.DIR, "newcoll"), Arrays.copyOf(otherOrders, otherOrders.length / 2));
        sim.replaceDurably(SnapshotFile.tempPath(Harness.DIR, "not a valid name"), garbage);

        try (GlenDB db = GlenDB.open(Harness.DIR, WalImages.options(sim, SEGMENT_BYTES, false))) {
            image.prefixes().verify(db, image.lastLsn(), image.lastLsn(), "stray temp files");
            assertThat(db.collections()).doesNotContain("newcoll");
            assertThat(sim.list(Harness.DIR)).noneMatch(name -> name.endsWith(SnapshotFile.TEMP_SUFFIX));
        }
        System.out.println("[durability] snapshot temp files: 5 stray *.snap.tmp (a valid snapshot of other data,"
                + " garbage, empty, truncated, invalid name) removed and ignored on open");
    }
}
