package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenOptions;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.internal.wal.WalSegmentFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds closed databases on the simulated disk to damage, and parses WAL segments into frames
 * with a decoder of its own (independent of the engine's recovery code).
 */
final class WalImages {

    private WalImages() {
    }

    /** One record frame of a segment: {@code [start, end)} and the LSN in its body. */
    record Frame(int start, int end, long lsn) {
        int length() {
            return end - start;
        }
    }

    /**
     * A cleanly closed database.
     *
     * @param sim the disk (copy it before damaging)
     * @param script the operations it ran
     * @param prefixes the state after each prefix (index = LSN)
     * @param segments the WAL segment numbers, ascending
     */
    record Image(SimulatedStorageFiles sim, List<Ops.Op> script, Harness.Prefixes prefixes, List<Long> segments) {

        Path segmentPath(long number) {
            return WalSegmentFile.path(Harness.DIR, number);
        }

        long lastSegment() {
            return segments.get(segments.size() - 1);
        }

        byte[] bytes(long segment) {
            try {
                return sim.readAll(segmentPath(segment));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<Frame> frames(long segment) {
            return WalImages.frames(bytes(segment));
        }

        /** The LSN of the last record before segment {@code number} (0 when none). */
        long lastLsnBefore(long number) {
            long lsn = 0;
            for (long s : segments) {
                if (s >= number) {
                    break;
                }
                List<Frame> frames = frames(s);
                if (!frames.isEmpty()) {
                    lsn = frames.get(frames.size() - 1).lsn();
                }
            }
            return lsn;
        }

        /** A private copy of the disk for one damaged variant. */
        SimulatedStorageFiles copy(long seed) {
            return sim.copy(seed);
        }

        int lastLsn() {
            return prefixes.last();
        }

        /** The state after every operation except the one with LSN {@code skipped} (what salvage keeps). */
        Model withoutLsn(long skipped) {
            Model model = new Model();
            long lsn = 0;
            for (Ops.Op op : script) {
                if (op.changesState()) {
                    lsn++;
                    if (lsn != skipped) {
                        model.apply(op, lsn);
                    }
                }
            }
            return model;
        }
    }

    static GlenOptions options(SimulatedStorageFiles sim, long segmentBytes, boolean salvage) {
        return Harness.options(sim, SyncSetup.ALWAYS).toBuilder()
                .walSegmentBytes(segmentBytes)
                .salvageCorruptWal(salvage)
                .build();
    }

    /** Runs {@code stateOps} generated operations (with a compaction midway when asked) and closes. */
    static Image build(long seed, int stateOps, long segmentBytes, boolean compactMidway) {
        return build(seed, stateOps, segmentBytes, compactMidway, false);
    }

    /** Like {@link #build(long, int, long, boolean)}, optionally with small values only. */
    static Image build(long seed, int stateOps, long segmentBytes, boolean compactMidway, boolean smallValues) {
        SimulatedStorageFiles sim = new SimulatedStorageFiles(seed);
        Ops.Generator generator = new Ops.Generator(seed, new Model(), "d");
        if (smallValues) {
            generator.smallValues();
        }
        List<Ops.Op> script = new ArrayList<>();
        for (int i = 0; i < stateOps; i++) {
            if (compactMidway && i == stateOps / 2) {
                script.add(new Ops.Compact());
            }
            script.add(generator.next());
        }
        Harness.Outcome outcome = Harness.drive(Harness.open(options(sim, segmentBytes, false)), script, new Model(), true);
        assertThat(outcome.failed()).isFalse();
        List<Long> segments;
        try {
            segments = WalSegmentFile.numbers(sim.list(Harness.DIR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Image(sim, List.copyOf(script), new Harness.Prefixes(new Model(), script), segments);
    }

    /** Parses the frames of an undamaged segment. */
    static List<Frame> frames(byte[] segment) {
        List<Frame> frames = new ArrayList<>();
        int pos = WalSegmentFile.HEADER_SIZE;
        while (pos < segment.length) {
            int[] at = {pos};
            long bodyLength = varint(segment, at);
            int bodyStart = at[0] + 4;
            int end = (int) (bodyStart + bodyLength);
            assertThat(end).as("frame at %d fits in the segment", pos).isLessThanOrEqualTo(segment.length);
            at[0] = bodyStart + 1; // skip the record type
            long lsn = varint(segment, at);
            frames.add(new Frame(pos, end, lsn));
            pos = end;
        }
        return frames;
    }

    private static long varint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = bytes[at[0]++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
