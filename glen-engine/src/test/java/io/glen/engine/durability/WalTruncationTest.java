package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.io.NioStorageFiles;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.value.Value;
import io.glen.engine.internal.wal.WalSegmentFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brief item 3: the WAL cut at every byte offset of its end.
 *
 * <p>A closed database (100 operations, 8 KiB segments so that there are several segments and the
 * last holds many records) has its last segment cut at every offset from inside its header (a
 * crash while creating it) through the last 8 records to its full length. Each cut database must
 * open, hold exactly the records wholly before the cut (and report the cut-off bytes), accept a
 * new write, and after a power loss reopen with that write and nothing left to truncate: the torn
 * tail was cut durably and new appends are readable. A second test does the same on the real
 * file system (NioStorageFiles in a temporary directory) for every offset of its last 2 (small)
 * records.
 */
class WalTruncationTest {

    static final int RECORDS_CUT = 8;

    @Test
    void everyCutOfTheLastRecordsOnTheSimulatedDisk() throws IOException {
        WalImages.Image image = WalImages.build(31, 100, 8 * 1024, false);
        assertThat(image.segments()).as("several segments").hasSizeGreaterThanOrEqualTo(3);
        long last = image.lastSegment();
        byte[] bytes = image.bytes(last);
        List<WalImages.Frame> frames = image.frames(last);
        assertThat(frames).as("records in the last segment").hasSizeGreaterThanOrEqualTo(RECORDS_CUT);
        long before = image.lastLsnBefore(last);

        int from = frames.get(frames.size() - RECORDS_CUT).start();
        int offsets = 0;
        for (int cut = 0; cut <= bytes.length; cut = cut == WalSegmentFile.HEADER_SIZE ? from : cut + 1) {
            SimulatedStorageFiles sim = image.copy(cut);
            sim.replaceDurably(image.segmentPath(last), Arrays.copyOf(bytes, cut));
            long expected = before;
            int validEnd = cut < WalSegmentFile.HEADER_SIZE ? 0 : WalSegmentFile.HEADER_SIZE;
            for (WalImages.Frame frame : frames) {
                if (frame.end() <= cut) {
                    expected = frame.lsn();
                    validEnd = frame.end();
                }
            }
            checkCutDatabase(sim, WalImages.options(sim, 8 * 1024, false), image.prefixes(), (int) expected,
                    cut - validEnd, "cut at " + cut + " of " + bytes.length);
            offsets++;
        }
        System.out.printf("[durability] WAL truncation (simulated disk): %d cut offsets of segment %s (%d bytes): "
                        + "0..%d (torn header) and %d..%d (the last %d records)%n", offsets,
                WalSegmentFile.fileName(last), bytes.length, WalSegmentFile.HEADER_SIZE, from, bytes.length, RECORDS_CUT);
    }

    /** Opens the cut database, checks it, writes, cuts the power, and checks again. */
    static void checkCutDatabase(SimulatedStorageFiles sim, GlenOptions options, Harness.Prefixes prefixes, int expected,
                                 long truncated, String context) {
        GlenDB db = GlenDB.open(Harness.DIR, options);
        prefixes.verify(db, expected, expected, context);
        assertThat(db.stats().recoveryTruncatedBytes()).as(context + ": bytes cut off").isEqualTo(truncated);
        Ops.Put put = new Ops.Put("users", "after-cut", Value.of(context));
        Harness.Prefixes extended = prefixes.extend(expected, List.of(put));
        Harness.drive(Harness.on(db), List.of(put), prefixes.state(expected), false);
        Harness.powerCycle(sim, db);
        try (GlenDB reopened = GlenDB.open(Harness.DIR, options)) {
            extended.verify(reopened, expected + 1, expected + 1, context + ", after a write and a power loss");
            // The segment is a log file, allocated ahead of its records: a power loss leaves zeros
            // after the last record (never more than one extent), which recovery cuts.
            assertThat(reopened.stats().recoveryTruncatedBytes()).as(context + ": only the zeros ahead are cut")
                    .isLessThan(SimulatedStorageFiles.LOG_EXTENT);
        }
    }

    @TempDir
    Path temp;

    @Test
    void everyCutOfTheLastRecordsOnTheRealFileSystem() throws IOException {
        Path base = temp.resolve("base");
        GlenOptions options = GlenOptions.builder().walSync(WalSyncMode.INTERVAL).walSegmentBytes(16 * 1024)
                .walFlushInterval(Duration.ofHours(1)).build();
        Ops.Generator generator = new Ops.Generator(41, new Model(), "d").smallValues();
        List<Ops.Op> script = new java.util.ArrayList<>(Stream.generate(generator::next).limit(40).toList());
        // Two small records last: every cut offset costs a few real fsyncs.
        script.add(new Ops.Put("users", "small-1", Value.of(1)));
        script.add(new Ops.Delete("users", "small-1"));
        Harness.Prefixes prefixes = new Harness.Prefixes(new Model(), script);
        try (GlenDB db = GlenDB.open(base, options)) {
            Harness.drive(Harness.on(db), script, new Model(), false);
        }
        List<Long> segments = WalSegmentFile.numbers(NioStorageFiles.INSTANCE.list(base));
        long last = segments.get(segments.size() - 1);
        byte[] bytes = Files.readAllBytes(WalSegmentFile.path(base, last));
        List<WalImages.Frame> frames = WalImages.frames(bytes);
        assertThat(frames).hasSizeGreaterThanOrEqualTo(3);
        int from = frames.get(frames.size() - 2).start();

        int offsets = 0;
        for (int cut = from; cut <= bytes.length; cut++) {
            Path dir = temp.resolve("cut-" + cut);
            Files.createDirectories(dir);
            for (long segment : segments) {
                Files.copy(WalSegmentFile.path(base, segment), WalSegmentFile.path(dir, segment));
            }
            try (FileChannel channel = FileChannel.open(WalSegmentFile.path(dir, last), StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }
            long expected = 0;
            int validEnd = WalSegmentFile.HEADER_SIZE;
            for (WalImages.Frame frame : frames) {
                if (frame.end() <= cut) {
                    expected = frame.lsn();
                    validEnd = frame.end();
                }
            }
            String context = "real files, cut at " + cut + " of " + bytes.length;
            Ops.Put put = new Ops.Put("users", "after-cut", Value.of(cut));
            try (GlenDB db = GlenDB.open(dir, options)) {
                prefixes.verify(db, (int) expected, (int) expected, context);
                assertThat(db.stats().recoveryTruncatedBytes()).isEqualTo(cut - validEnd);
                Harness.drive(Harness.on(db), List.of(put), prefixes.state((int) expected), false);
            }
            assertThat(Files.size(WalSegmentFile.path(dir, last))).as(context + ": the torn tail was cut before appending")
                    .isGreaterThan(validEnd);
            try (GlenDB db = GlenDB.open(dir, options)) {
                prefixes.extend((int) expected, List.of(put)).verify(db, (int) expected + 1, (int) expected + 1,
                        context + ", after a write and reopen");
                assertThat(db.stats().recoveryTruncatedBytes()).isZero();
            }
            offsets++;
        }
        System.out.printf("[durability] WAL truncation (real files, NioStorageFiles): %d cut offsets %d..%d of %s "
                + "(the last 2 records)%n", offsets, from, bytes.length, WalSegmentFile.fileName(last));
    }
}
