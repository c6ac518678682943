package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of a database that is still open, copied as they are: what a {@code kill -9} leaves
 * (everything handed to the operating system, nothing forced on purpose). WAL segments are
 * memory-mapped in windows and longer than their records while open, with zeros after them; the
 * copy must recover every acknowledged write, cut the zeros as a torn tail, and take new writes.
 * The same holds with plain writes ({@code walMemoryMapped(false)}), which leave no zeros.
 */
class OpenDatabaseImageTest {

    @TempDir
    Path live;

    @TempDir
    Path image;

    private static Value doc(int i) {
        return Value.object().put("i", i).put("pad", "x".repeat(i % 300)).build();
    }

    @ParameterizedTest(name = "memory-mapped WAL: {0}")
    @ValueSource(booleans = {true, false})
    void aCopyOfAnOpenDatabaseRecoversEveryAcknowledgedWriteInEverySyncMode(boolean mapped) throws IOException {
        for (WalSyncMode mode : WalSyncMode.values()) {
            Path from = live.resolve(mode.name() + mapped);
            Path to = image.resolve(mode.name() + mapped);
            GlenOptions options = GlenOptions.builder().walSync(mode).walSegmentBytes(64 * 1024)
                    .walMemoryMapped(mapped).build();
            try (GlenDB db = GlenDB.open(from, options)) {
                for (int i = 0; i < 2_000; i++) {
                    db.put("c", "d" + (i % 700), doc(i));
                }
                Path last = lastSegment(from);
                long records = db.stats().walBytes() - sizeOfOthers(from, last);
                if (mapped) {
                    assertThat(Files.size(last)).as("%s: the open segment has room mapped after its records", mode)
                            .isGreaterThan(records);
                } else {
                    assertThat(Files.size(last)).as("%s: written, not mapped", mode).isEqualTo(records);
                }
                copy(from, to);
            }
            try (GlenDB db = GlenDB.open(to, options)) {
                if (mapped) {
                    assertThat(db.stats().recoveryTruncatedBytes()).as("%s: the zeros were cut", mode).isPositive();
                } else {
                    assertThat(db.stats().recoveryTruncatedBytes()).as("%s: nothing to cut", mode).isZero();
                }
                assertThat(db.count("c")).isEqualTo(700);
                for (int k = 0; k < 700; k++) {
                    int lastWrite = 1_400 + k < 2_000 ? 1_400 + k : 700 + k;
                    assertThat(db.get("c", "d" + k)).as("%s: d%d", mode, k).isEqualTo(doc(lastWrite));
                }
                db.put("c", "after", doc(1));
            }
            try (GlenDB db = GlenDB.open(to, options)) {
                assertThat(db.stats().recoveryTruncatedBytes()).as("%s: a clean close leaves no zeros", mode).isZero();
                assertThat(db.get("c", "after")).isEqualTo(doc(1));
                assertThat(db.count("c")).isEqualTo(701);
            }
        }
    }

    private static Path lastSegment(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("glen.wal."))
                    .max((a, b) -> Long.compare(number(a), number(b))).orElseThrow();
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
    }

    private static long sizeOfOthers(Path dir, Path except) throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().startsWith("glen.wal.") && !p.equals(except)) {
                    total += Files.size(p);
                }
            }
        }
        return total;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals("glen.lock")) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        }
    }
}
