package io.glen.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenStorageException;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One directory, one process: while a child JVM holds the database open, opening it here fails
 * with a {@link GlenStorageException} saying it is locked; once the child is killed (SIGKILL, so
 * no close ran) the kernel has dropped its lock and the database opens here with the child's data.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ProcessLockTest {

    private static final String END = "<end of output>";

    @TempDir
    Path tmp;

    @Test
    void secondProcessCannotOpenUntilTheFirstIsKilled() throws Exception {
        lockedWhileChildHoldsIt(false);
    }

    /**
     * The child first tries a second open of its own directory, which must fail ("already open in
     * this JVM"). That failed attempt must not release the lock the first instance holds: POSIX
     * record locks belong to the process, and closing any descriptor of the lock file drops them.
     */
    @Test
    void failedSecondOpenInTheHolderDoesNotReleaseItsLock() throws Exception {
        lockedWhileChildHoldsIt(true);
    }

    private void lockedWhileChildHoldsIt(boolean doubleOpenInChild) throws Exception {
        Path dir = tmp.resolve("db");
        List<String> lines = new ArrayList<>();
        ChildJvm.LineListener collect = new ChildJvm.LineListener() {
            @Override
            public boolean onLine(String line) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
                return false;
            }

            @Override
            public void onEnd() {
                onLine(END);
            }
        };
        try (ChildJvm child = ChildJvm.start(List.of("hold", dir.toString(), Boolean.toString(doubleOpenInChild)),
                tmp.resolve("hold.err"), collect)) {
            awaitLine(lines, "READY", Duration.ofSeconds(60), child);
            if (doubleOpenInChild) {
                synchronized (lines) {
                    assertThat(lines).as("child output; stderr:%n%s", child.stderr())
                            .anySatisfy(l -> assertThat(l).startsWith("SECOND_OPEN_REFUSED").contains("already open"));
                }
            }
            assertThatThrownBy(() -> GlenDB.open(dir, CrashWorkload.options(WalSyncMode.ALWAYS)).close())
                    .as("opening a directory another process holds; child stderr:%n%s", child.stderr())
                    .isInstanceOf(GlenStorageException.class)
                    .hasMessageContaining("locked");
            // Still locked after our failed attempt (it closed its own descriptor of the lock file).
            assertThatThrownBy(() -> GlenDB.open(dir, CrashWorkload.options(WalSyncMode.ALWAYS)).close())
                    .isInstanceOf(GlenStorageException.class)
                    .hasMessageContaining("locked");

            child.kill();
            assertThat(child.awaitExit(Duration.ofSeconds(30))).as("exit code after SIGKILL").isEqualTo(137);
        }
        try (GlenDB db = GlenDB.open(dir, CrashWorkload.options(WalSyncMode.ALWAYS))) {
            assertThat(db.get("lock", "held")).isEqualTo(Value.of(1));
            db.put("lock", "after", Value.of(2));
        }
        try (GlenDB db = GlenDB.open(dir, CrashWorkload.options(WalSyncMode.ALWAYS))) {
            assertThat(db.get("lock", "after")).isEqualTo(Value.of(2));
        }
        System.out.printf("[crash] lock%s: a second process was refused twice while the holder lived, "
                + "and opened the directory after SIGKILL%n", doubleOpenInChild ? " (holder tried a second open first)" : "");
    }

    private static void awaitLine(List<String> lines, String wanted, Duration timeout, ChildJvm child)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (!lines.contains(wanted)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || lines.contains(END)) {
                    throw new AssertionError("child did not print " + wanted + " (within " + timeout + "); output "
                            + lines + "\n--- child stderr:\n" + child.stderr());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }
}
