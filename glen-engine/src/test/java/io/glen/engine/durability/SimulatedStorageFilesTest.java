package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.io.StorageFile;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.testing.SimulatedStorageFiles.Op;
import io.glen.engine.testing.SimulatedStorageFiles.TornTails;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The durability model and fault injection of {@link SimulatedStorageFiles} itself. */
class SimulatedStorageFilesTest {

    static final Path DIR = Path.of("/sim/t");
    static final Path A = DIR.resolve("a");
    static final Path B = DIR.resolve("b");

    static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    SimulatedStorageFiles sim() throws IOException {
        SimulatedStorageFiles sim = new SimulatedStorageFiles(7);
        sim.createDirectories(DIR);
        return sim;
    }

    @Test
    void unsyncedCreationVanishesAndSyncedOneSurvivesWithForcedContentOnly() throws IOException {
        SimulatedStorageFiles sim = sim();
        try (StorageFile a = sim.createNew(A)) {
            a.write(bytes("hello"), 0);
            a.force();
            a.write(bytes(" world"), 5);
            assertThat(text(sim.readAll(A))).isEqualTo("hello world");
        }
        StorageFile b = sim.createNew(B);
        b.write(bytes("x"), 0);
        b.force();
        sim.syncDirectory(DIR);
        sim.createNew(DIR.resolve("c")).close();
        sim.powerLoss();
        sim.restart();
        assertThat(sim.list(DIR)).containsExactly("a", "b");
        assertThat(text(sim.readAll(A))).isEqualTo("hello");
        assertThat(text(sim.readAll(B))).isEqualTo("x");
        assertThatThrownBy(() -> b.write(bytes("y"), 1)).isInstanceOf(IOException.class);
    }

    @Test
    void unsyncedRenamesAndDeletesRevert() throws IOException {
        SimulatedStorageFiles sim = sim();
        try (StorageFile a = sim.createNew(A)) {
            a.write(bytes("old"), 0);
            a.force();
        }
        try (StorageFile b = sim.createNew(B)) {
            b.write(bytes("new"), 0);
            b.force();
        }
        sim.syncDirectory(DIR);
        sim.move(B, A);
        assertThat(text(sim.readAll(A))).isEqualTo("new");
        assertThat(sim.exists(B)).isFalse();
        sim.powerLoss();
        sim.restart();
        assertThat(text(sim.readAll(A))).isEqualTo("old");
        assertThat(text(sim.readAll(B))).isEqualTo("new");

        sim.deleteIfExists(A);
        sim.powerLoss();
        sim.restart();
        assertThat(sim.exists(A)).isTrue();
        sim.deleteIfExists(A);
        sim.syncDirectory(DIR);
        sim.powerLoss();
        sim.restart();
        assertThat(sim.exists(A)).isFalse();
    }

    @Test
    void tornTailsKeepAPrefixOfTheUnsyncedBytes() throws IOException {
        int shorter = 0;
        for (long seed = 0; seed < 200; seed++) {
            SimulatedStorageFiles sim = new SimulatedStorageFiles(seed).tornTails(TornTails.PREFIX);
            sim.createDirectories(DIR);
            try (StorageFile a = sim.createNew(A)) {
                a.write(bytes("durable|"), 0);
                a.force();
                sim.syncDirectory(DIR);
                a.write(bytes("unsynced-tail"), 8);
            }
            sim.powerLoss();
            sim.restart();
            String kept = text(sim.readAll(A));
            assertThat("durable|unsynced-tail").startsWith(kept);
            assertThat(kept).startsWith("durable|");
            if (kept.length() < "durable|unsynced-tail".length()) {
                shorter++;
            }
            assertThat(text(sim.durableContent(A))).isEqualTo(kept);
        }
        assertThat(shorter).isGreaterThan(100);

        boolean sawZeros = false;
        for (long seed = 0; seed < 200 && !sawZeros; seed++) {
            SimulatedStorageFiles sim = new SimulatedStorageFiles(seed).tornTails(TornTails.PREFIX_OR_ZEROS);
            sim.createDirectories(DIR);
            try (StorageFile a = sim.createNew(A)) {
                a.write(bytes("d"), 0);
                a.force();
                sim.syncDirectory(DIR);
                a.write(bytes("abcdefgh"), 1);
            }
            sim.powerLoss();
            sim.restart();
            byte[] kept = sim.readAll(A);
            sawZeros = kept.length > 1 && kept[kept.length - 1] == 0;
        }
        assertThat(sawZeros).as("PREFIX_OR_ZEROS sometimes grows over zeros").isTrue();
    }

    @Test
    void faultsStrikeTheNthOperationOnceAndPartialWritesApplyAPrefix() throws IOException {
        SimulatedStorageFiles sim = sim();
        SimulatedStorageFiles.Fault force = sim.failNth(Op.FORCE, 2);
        SimulatedStorageFiles.Fault write = sim.failNthWrite(3, n -> 2);
        try (StorageFile a = sim.createNew(A)) {
            a.write(bytes("aa"), 0);
            a.force();
            a.write(bytes("bb"), 2);
            assertThatThrownBy(a::force).isInstanceOf(IOException.class);
            assertThat(force.fired()).isTrue();
            assertThat(force.firedOn()).isEqualTo(A);
            assertThatThrownBy(() -> a.write(bytes("cccc"), 4)).isInstanceOf(IOException.class);
            assertThat(write.fired()).isTrue();
            assertThat(text(sim.readAll(A))).isEqualTo("aabbcc");
            a.force();
            assertThat(text(sim.durableContent(A))).isEqualTo("aabbcc");
        }
        assertThat(sim.count(Op.WRITE)).isEqualTo(3);
        assertThat(sim.count(Op.FORCE)).isEqualTo(3);

        sim.failNth(Op.MOVE, 1);
        assertThatThrownBy(() -> sim.move(A, B)).isInstanceOf(IOException.class);
        assertThat(sim.exists(A)).isTrue();
        sim.failNth(Op.CREATE_NEW, 1, p -> p.getFileName().toString().endsWith(".tmp"));
        sim.createNew(B).close();
        assertThatThrownBy(() -> sim.createNew(DIR.resolve("x.tmp"))).isInstanceOf(IOException.class);
        assertThat(sim.exists(DIR.resolve("x.tmp"))).isFalse();
        assertThatThrownBy(() -> sim.createNew(B)).isInstanceOf(FileAlreadyExistsException.class);
        sim.failNth(Op.SYNC_DIRECTORY, 1);
        assertThatThrownBy(() -> sim.syncDirectory(DIR)).isInstanceOf(IOException.class);
        assertThat(sim.listDurable(DIR)).isEmpty();
    }

    @Test
    void powerLossAtMutationCutsBeforeThatOperation() throws IOException {
        SimulatedStorageFiles sim = sim();
        sim.powerLossAtMutation(4);
        StorageFile a = sim.createNew(A);
        a.write(bytes("1"), 0);
        a.force();
        assertThatThrownBy(() -> sim.syncDirectory(DIR)).isInstanceOf(IOException.class);
        assertThat(sim.isDown()).isTrue();
        assertThatThrownBy(() -> sim.list(DIR)).isInstanceOf(IOException.class);
        sim.restart();
        assertThat(sim.list(DIR)).isEmpty();
        assertThatThrownBy(() -> sim.openExisting(A)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void lockIsExclusiveAndDiesWithTheProcess() throws IOException {
        SimulatedStorageFiles sim = sim();
        Closeable lock = sim.lockDirectory(DIR, "glen.lock");
        assertThatThrownBy(() -> sim.lockDirectory(DIR, "glen.lock")).isInstanceOf(IOException.class);
        lock.close();
        Closeable again = sim.lockDirectory(DIR, "glen.lock");
        sim.crashProcess();
        sim.restart();
        Closeable third = sim.lockDirectory(DIR, "glen.lock");
        again.close(); // the dead process's handle must not release the new holder's lock
        assertThatThrownBy(() -> sim.lockDirectory(DIR, "glen.lock")).isInstanceOf(IOException.class);
        third.close();
    }

    @Test
    void threadSafeUnderConcurrentAppends() throws Exception {
        SimulatedStorageFiles sim = sim();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Path file = DIR.resolve("f" + t);
            threads.add(new Thread(() -> {
                try (StorageFile f = sim.createNew(file)) {
                    for (int i = 0; i < 2000; i++) {
                        f.write(bytes("x"), i);
                        if (i % 100 == 0) {
                            f.force();
                            sim.syncDirectory(DIR);
                        }
                    }
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        for (int t = 0; t < 4; t++) {
            assertThat(sim.readAll(DIR.resolve("f" + t))).hasSize(2000);
        }
        assertThat(sim.count(Op.WRITE)).isEqualTo(8000);
    }
}
