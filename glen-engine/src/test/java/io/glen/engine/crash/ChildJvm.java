package io.glen.engine.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@link CrashWorkload} on this test's class path. A reader thread hands every
 * complete stdout line (one ending in {@code " #"}, marker stripped) to a {@link LineListener},
 * which can ask for the child to be killed at once; that happens on the reader thread, so the kill
 * lands right after the line that triggered it. Stderr goes to a file for failure messages.
 * {@link #close()} always kills the child (SIGKILL) and waits for it, bounded.
 */
final class ChildJvm implements AutoCloseable {

    /** Receives stdout lines on the reader thread. */
    interface LineListener {
        /** Returns true to have the child killed (SIGKILL), after {@link #killDelayMillis()}. */
        boolean onLine(String line);

        /** How long after {@link #onLine} asked for it the kill comes; 0 (the default) is at once. */
        default long killDelayMillis() {
            return 0;
        }

        /** Called once, on the reader thread, when the output has ended. */
        default void onEnd() {
        }
    }

    private final Process process;
    private final Path stderrFile;
    private final Thread reader;
    private final CountDownLatch endOfOutput = new CountDownLatch(1);
    private final List<String> partialLines = new ArrayList<>();
    private volatile boolean killedByUs;
    private volatile Throwable readerFailure;

    private ChildJvm(Process process, Path stderrFile, LineListener listener) {
        this.process = process;
        this.stderrFile = stderrFile;
        this.reader = new Thread(() -> readLoop(listener), "child-stdout-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code CrashWorkload} with {@code args}; stderr goes to {@code stderrFile}. */
    static ChildJvm start(List<String> args, Path stderrFile, LineListener listener) throws IOException {
        return start(CrashWorkload.class, args, stderrFile, listener);
    }

    /** Starts {@code mainClass} (on this test's class path) with {@code args}. */
    static ChildJvm start(Class<?> mainClass, List<String> args, Path stderrFile, LineListener listener)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-XX:+UseSerialGC");
        // C1 only: starts faster and leaves CPU to the workload on small machines.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(stderrFile.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectInput(ProcessBuilder.Redirect.PIPE); // held open: EOF tells the child we are gone
        return new ChildJvm(builder.start(), stderrFile, listener);
    }

    private void readLoop(LineListener listener) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.endsWith(" #")) {
                    synchronized (partialLines) {
                        partialLines.add(line);
                    }
                    continue;
                }
                if (listener.onLine(line.substring(0, line.length() - 2)) && !killedByUs) {
                    long delay = listener.killDelayMillis();
                    if (delay <= 0) {
                        kill();
                    } else {
                        killLater(delay);
                    }
                }
            }
        } catch (Throwable e) {
            readerFailure = e;
            kill();
        } finally {
            try {
                listener.onEnd();
            } finally {
                endOfOutput.countDown();
            }
        }
    }

    /**
     * Sends SIGKILL: {@code destroyForcibly} is {@code kill -9} on Linux and macOS. It goes through
     * the {@link ProcessHandle} because {@code Process.destroyForcibly()} also closes our end of
     * the child's stdout, and the lines the child printed just before it died must still be read.
     */
    void kill() {
        killedByUs = true;
        process.toHandle().destroyForcibly();
    }

    /** Kills the child after {@code millis} (to place a kill inside start-up or recovery). */
    private void killLater(long millis) {
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(millis); // where the kill lands, not synchronization
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kill();
        }, "child-killer-" + process.pid());
        killer.setDaemon(true);
        killer.start();
    }

    /** Waits until the child's stdout is closed (it died, or was killed) and read to the end. */
    boolean awaitEndOfOutput(Duration timeout) throws InterruptedException {
        return endOfOutput.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the process to exit; returns its exit code, or null on timeout. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    boolean killedByUs() {
        return killedByUs;
    }

    Throwable readerFailure() {
        return readerFailure;
    }

    long pid() {
        return process.pid();
    }

    List<String> partialLines() {
        synchronized (partialLines) {
            return List.copyOf(partialLines);
        }
    }

    /** The child's stderr so far (the last 16 KiB), for failure messages. */
    String stderr() {
        try {
            String all = Files.readString(stderrFile, StandardCharsets.UTF_8);
            return all.length() > 16384 ? "..." + all.substring(all.length() - 16384) : all;
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /**
     * A thread dump of the live child through {@code jcmd}, bounded in time; for diagnosing a hung
     * child before it is killed.
     */
    String threadDump() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!process.isAlive() || !Files.isExecutable(jcmd)) {
            return "(no thread dump)";
        }
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            byte[] out;
            try {
                if (!dump.waitFor(20, TimeUnit.SECONDS)) {
                    return "(jcmd timed out)";
                }
                out = dump.getInputStream().readAllBytes();
            } finally {
                dump.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            return "(thread dump failed: " + e + ")";
        }
    }

    /** Kills the child if it still runs and waits (bounded) for it and the reader thread. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child " + process.pid() + " did not die within 30 s of SIGKILL");
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // Closing our end of its stdin; the child is gone anyway.
            }
        }
    }
}
