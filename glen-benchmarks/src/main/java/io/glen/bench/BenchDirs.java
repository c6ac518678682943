package io.glen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Temporary data directories, like JUnit's {@code @TempDir}: created under
 * {@code -Dglen.bench.dir} (run.sh sets it to {@code glen-benchmarks/target/bench-data}; default
 * {@code target/bench-data} relative to the working directory) and deleted by the benchmark's
 * tear-down.
 */
public final class BenchDirs {

    private BenchDirs() {
    }

    /** The root of all benchmark data directories. */
    public static Path root() {
        return Path.of(System.getProperty("glen.bench.dir", "target/bench-data")).toAbsolutePath();
    }

    /** A new empty directory. */
    public static Path create(String prefix) {
        try {
            Files.createDirectories(root());
            return Files.createTempDirectory(root(), prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree (missing is fine). */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
