package io.glen.engine.internal.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.io.NioStorageFiles;
import io.glen.engine.internal.store.DataStore;
import io.glen.engine.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LSN high-water mark file and how a database continues above it. */
class LsnHighWaterMarkTest {

    @TempDir
    Path dir;

    private static GlenOptions mode(WalSyncMode mode) {
        return GlenOptions.builder().walSync(mode).build();
    }

    @Test
    void aNewMarkIsZeroAndRaisesDurablyToEachNewValue() throws IOException {
        try (LsnHighWaterMark mark = LsnHighWaterMark.open(NioStorageFiles.INSTANCE, dir)) {
            assertThat(mark.mark()).isZero();
            mark.raise(10);
            mark.raise(5);
            assertThat(mark.mark()).isEqualTo(10);
            mark.raise(20);
        }
        assertThat(LsnHighWaterMark.read(NioStorageFiles.INSTANCE, dir)).isEqualTo(20);
        try (LsnHighWaterMark mark = LsnHighWaterMark.open(NioStorageFiles.INSTANCE, dir)) {
            assertThat(mark.mark()).isEqualTo(20);
            mark.set(3);
        }
        assertThat(LsnHighWaterMark.read(NioStorageFiles.INSTANCE, dir)).isEqualTo(3);
    }

    @Test
    void aTornUpdateLeavesThePreviousMark() throws IOException {
        try (LsnHighWaterMark mark = LsnHighWaterMark.open(NioStorageFiles.INSTANCE, dir)) {
            mark.raise(100);
            mark.raise(200);
        }
        Path file = dir.resolve(LsnHighWaterMark.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        // The newest (sequence 3, odd) is in the first slot: damage it as a torn write would.
        bytes[20] ^= 0x40;
        Files.write(file, bytes);
        assertThat(LsnHighWaterMark.read(NioStorageFiles.INSTANCE, dir)).isEqualTo(100);
        try (LsnHighWaterMark mark = LsnHighWaterMark.open(NioStorageFiles.INSTANCE, dir)) {
            assertThat(mark.mark()).isEqualTo(100);
            mark.raise(300);
        }
        assertThat(LsnHighWaterMark.read(NioStorageFiles.INSTANCE, dir)).isEqualTo(300);
    }

    @Test
    void bothSlotsDamagedIsCorruptionThatNamesTheFile() throws IOException {
        try (LsnHighWaterMark mark = LsnHighWaterMark.open(NioStorageFiles.INSTANCE, dir)) {
            mark.raise(100);
        }
        Path file = dir.resolve(LsnHighWaterMark.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        Arrays.fill(bytes, (byte) 0x55);
        Files.write(file, bytes);
        assertThatThrownBy(() -> GlenDB.open(dir)).isInstanceOf(GlenCorruptionException.class)
                .hasMessageContaining("high-water mark is damaged").hasMessageContaining(LsnHighWaterMark.FILE_NAME);
    }

    @Test
    void underIntervalTheMarkIsReservedAheadAtOpenAndLoweredAtACleanClose() throws IOException {
        long version;
        try (GlenDB db = GlenDB.open(dir, mode(WalSyncMode.INTERVAL))) {
            assertThat(LsnHighWaterMark.read(NioStorageFiles.INSTANCE, dir)).isEqualTo(DataStore.RESERVATION_BLOCK);
            version = db.put("c", "a", Value.of(1));
        }
        assertThat(LsnHighWaterMark.read(NioStorageFiles.INSTANCE, dir)).isEqualTo(version);
        try (GlenDB db = GlenDB.open(dir, mode(WalSyncMode.INTERVAL))) {
            assertThat(db.put("c", "b", Value.of(2))).as("a clean close costs no jump").isEqualTo(version + 1);
        }
    }

    @Test
    void underAlwaysNoMarkIsNeededAndNoneIsWritten() throws IOException {
        try (GlenDB db = GlenDB.open(dir, mode(WalSyncMode.ALWAYS))) {
            db.put("c", "a", Value.of(1));
        }
        assertThat(LsnHighWaterMark.read(NioStorageFiles.INSTANCE, dir)).isZero();
    }

    @Test
    void switchingToIntervalReservesBeforeTheFirstVisibleButUnforcedWrite() throws IOException {
        try (GlenDB db = GlenDB.open(dir, mode(WalSyncMode.ALWAYS))) {
            long first = db.put("c", "a", Value.of(1));
            db.admin().setWalSync(WalSyncMode.INTERVAL, 1 << 20);
            assertThat(LsnHighWaterMark.read(NioStorageFiles.INSTANCE, dir))
                    .isEqualTo(first + DataStore.RESERVATION_BLOCK);
        }
    }

    @Test
    void aDatabaseReopenedBelowItsMarkContinuesAboveItWithASkipThatRecoveryAccepts() throws IOException {
        long before;
        try (GlenDB db = GlenDB.open(dir, mode(WalSyncMode.INTERVAL))) {
            before = db.put("c", "a", Value.of(1));
        }
        // As after a crash that took back writes up to 1,000 whose versions may have been seen.
        try (LsnHighWaterMark mark = LsnHighWaterMark.open(NioStorageFiles.INSTANCE, dir)) {
            mark.raise(1000);
        }
        try (GlenDB db = GlenDB.open(dir, mode(WalSyncMode.INTERVAL))) {
            assertThat(db.stats().lsn()).as("what readers can see").isEqualTo(before);
            assertThat(db.put("c", "b", Value.of(2))).isEqualTo(1001);
        }
        try (GlenDB db = GlenDB.open(dir, mode(WalSyncMode.INTERVAL))) {
            assertThat(db.getDocument("c", "a").version()).isEqualTo(before);
            assertThat(db.getDocument("c", "b").version()).isEqualTo(1001);
            assertThat(db.put("c", "c", Value.of(3))).isEqualTo(1002);
        }
    }

    @Test
    void aSkipIsReadBackAsOneRecordThatGoesForward() {
        io.glen.engine.internal.codec.ByteSink sink = new io.glen.engine.internal.codec.ByteSink(64);
        WalRecordCodec.appendSkipFrame(sink, 1000, 7);
        byte[] frame = sink.toByteArray();
        int bodyStart = 1 + 4;
        WalRecord record = WalRecordCodec.decodeBody(frame, bodyStart, frame.length - bodyStart);
        assertThat(record.isSkip()).isTrue();
        assertThat(record.lsn()).isEqualTo(1000);
        assertThat(record.skippedFrom()).isEqualTo(7);
        assertThat(record.entries()).isEmpty();
        assertThatThrownBy(() -> WalRecordCodec.appendSkipFrame(sink, 7, 7))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
