package io.glen.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory-mapped log file on the real file system, with 4 KiB windows so that writes cross
 * them: content, zero tail while open, cut on close and truncate, writes before the window,
 * forces racing writes.
 */
class MappedLogFileTest {

    private static final int WINDOW = 4096;

    @TempDir
    Path dir;

    private MappedLogFile create(Path path) throws IOException {
        return new MappedLogFile((NioFile) NioStorageFiles.INSTANCE.createNew(path), WINDOW);
    }

    private MappedLogFile open(Path path) throws IOException {
        return new MappedLogFile((NioFile) NioStorageFiles.INSTANCE.openExisting(path), WINDOW);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                b[i] = 1; // so a zero byte in the file can only be a zero tail
            }
        }
        return b;
    }

    private static byte[] readAll(StorageFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1000);
        long at = 0;
        int n;
        while ((n = file.read(buffer.clear(), at)) > 0) {
            out.write(buffer.array(), 0, n);
            at += n;
        }
        return out.toByteArray();
    }

    @Test
    void appendsAcrossWindowsReadBackAndTheFileIsCutToItsContentOnClose() throws IOException {
        Path path = dir.resolve("log");
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (MappedLogFile file = create(path)) {
            long at = 0;
            for (int i = 0; i < 300; i++) {
                // mostly small records, now and then one larger than a window
                byte[] record = bytes(random, i % 50 == 49 ? 3 * WINDOW + 17 : 1 + random.nextInt(300));
                file.write(ByteBuffer.wrap(record), at);
                at += record.length;
                expected.write(record);
                if (i % 37 == 0) {
                    file.force();
                }
            }
            file.force();
            assertThat(file.size()).isEqualTo(expected.size());
            assertThat(readAll(file)).isEqualTo(expected.toByteArray());

            long onDisk = Files.size(path);
            assertThat(onDisk).as("zeros after the content while open").isGreaterThan(expected.size());
            byte[] raw = Files.readAllBytes(path);
            assertThat(Arrays.copyOf(raw, expected.size())).as("what another reader (or a crash) sees")
                    .isEqualTo(expected.toByteArray());
            for (int i = expected.size(); i < raw.length; i++) {
                assertThat(raw[i]).as("byte %d of the tail", i).isZero();
            }
        }
        assertThat(Files.readAllBytes(path)).isEqualTo(expected.toByteArray());
    }

    @Test
    void reopeningContinuesAtTheEndOfTheContent() throws IOException {
        Path path = dir.resolve("log");
        Random random = new Random(8);
        byte[] first = bytes(random, 5000);
        byte[] second = bytes(random, 6000);
        try (MappedLogFile file = create(path)) {
            file.write(ByteBuffer.wrap(first), 0);
        }
        try (MappedLogFile file = open(path)) {
            assertThat(file.size()).isEqualTo(first.length);
            file.write(ByteBuffer.wrap(second), first.length);
            file.force();
        }
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertThat(Files.readAllBytes(path)).isEqualTo(both);
    }

    @Test
    void truncateCutsTheContentAndTheZerosAndWritingGoesOnFromThere() throws IOException {
        Path path = dir.resolve("log");
        Random random = new Random(9);
        byte[] a = bytes(random, 3000);
        byte[] b = bytes(random, 2500);
        try (MappedLogFile file = create(path)) {
            file.write(ByteBuffer.wrap(a), 0);
            file.truncate(1000);
            assertThat(Files.size(path)).isEqualTo(1000);
            assertThat(file.size()).isEqualTo(1000);
            file.write(ByteBuffer.wrap(b), 1000);
            file.force();
            file.truncate(3500);
            assertThat(Files.size(path)).isEqualTo(3500);
            file.force();
        }
        byte[] expected = Arrays.copyOf(a, 3500);
        System.arraycopy(b, 0, expected, 1000, 2500);
        assertThat(Files.readAllBytes(path)).isEqualTo(expected);
    }

    @Test
    void aWriteBeforeTheMappedWindowGoesThroughTheChannel() throws IOException {
        Path path = dir.resolve("log");
        Random random = new Random(10);
        byte[] body = bytes(random, 3 * WINDOW);
        byte[] header = bytes(random, 20);
        try (MappedLogFile file = create(path)) {
            file.write(ByteBuffer.wrap(body), 0);
            file.write(ByteBuffer.wrap(header), 100);
            file.force();
        }
        System.arraycopy(header, 0, body, 100, header.length);
        assertThat(Files.readAllBytes(path)).isEqualTo(body);
    }

    @Test
    void aClosedFileRefusesEverything() throws IOException {
        MappedLogFile file = create(dir.resolve("log"));
        file.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 0);
        file.close();
        file.close(); // twice is fine

        assertThatThrownBy(() -> file.write(ByteBuffer.wrap(new byte[] {4}), 3))
                .isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(file::force).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(file::size).isInstanceOf(ClosedChannelException.class);
        assertThat(Files.readAllBytes(dir.resolve("log"))).containsExactly(1, 2, 3);
    }

    @Test
    void forcesRacingAppendsNeitherFailNorLoseBytes() throws Exception {
        Path path = dir.resolve("log");
        Random random = new Random(11);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            records.add(bytes(random, 1 + random.nextInt(700)));
        }
        ExecutorService forcer = Executors.newSingleThreadExecutor();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (MappedLogFile file = create(path)) {
            Future<Integer> forces = forcer.submit(() -> {
                int n = 0;
                started.countDown();
                while (!stop.get()) {
                    file.force();
                    n++;
                }
                return n;
            });
            started.await();
            long at = 0;
            for (byte[] record : records) {
                file.write(ByteBuffer.wrap(record), at);
                at += record.length;
                expected.write(record);
            }
            stop.set(true);
            assertThat(forces.get(30, TimeUnit.SECONDS)).isPositive();
            file.force();
            assertThat(readAll(file)).isEqualTo(expected.toByteArray());
        } finally {
            forcer.shutdownNow();
        }
        assertThat(Files.readAllBytes(path)).isEqualTo(expected.toByteArray());
    }

    @Test
    void theFirstForceAfterOpeningForcesTheWholeFileEvenWithNothingNewWritten() throws IOException {
        // A previous process may have written records without forcing them (then been killed):
        // WalWriter.open forces the recovered segment before counting those records as durable.
        Path path = dir.resolve("log");
        Files.write(path, new byte[] {1, 2, 3});
        try (MappedLogFile file = open(path)) {
            file.force();
            assertThat(file.fileForces()).isEqualTo(1);
            file.force();
            assertThat(file.fileForces()).as("nothing changed since").isEqualTo(1);

            file.truncate(file.size()); // what a segment switch does: cut at the content, then force
            file.force();
            assertThat(file.fileForces()).isEqualTo(2);

            file.write(ByteBuffer.wrap(new byte[] {4}), 3); // maps a window: the file grows
            file.force();
            assertThat(file.fileForces()).isEqualTo(3);
        }
        assertThat(Files.readAllBytes(path)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theJdkLetsWindowsBeUnmappedAtOnce() {
        assertThat(MappedBuffers.unmapsEagerly()).isTrue();
    }
}
