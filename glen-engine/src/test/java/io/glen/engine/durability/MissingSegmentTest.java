package io.glen.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LSNs are consecutive, so a deleted first segment is noticed instead of silently losing data. */
class MissingSegmentTest {

    @TempDir
    Path dir;

    private GlenOptions small() {
        return GlenOptions.builder().walSegmentBytes(4096).build();
    }

    private void write(GlenDB db, int from, int to) {
        for (int i = from; i < to; i++) {
            db.put("c", "k" + i, Value.of("v".repeat(40) + i));
        }
    }

    @Test
    void aMissingFirstSegmentWithoutSnapshotsIsCorruption() throws Exception {
        try (GlenDB db = GlenDB.open(dir, small())) {
            write(db, 0, 300);
        }
        Files.delete(dir.resolve("glen.wal.0"));
        assertThatThrownBy(() -> GlenDB.open(dir, small())).isInstanceOf(GlenCorruptionException.class)
                .hasMessageContaining("an earlier WAL segment is missing");
        try (GlenDB db = GlenDB.open(dir, small().toBuilder().salvageCorruptWal(true).build())) {
            assertThat(db.count("c")).isLessThan(300);
        }
    }

    @Test
    void aMissingSegmentAfterTheSnapshotsIsCorruption() throws Exception {
        try (GlenDB db = GlenDB.open(dir, small())) {
            write(db, 0, 100);
            db.admin().compact();
            write(db, 100, 400);
        }
        try (var files = Files.list(dir)) {
            Path first = files.filter(p -> p.getFileName().toString().startsWith("glen.wal."))
                    .min((a, b) -> Long.compare(number(a), number(b))).orElseThrow();
            Files.delete(first);
        }
        assertThatThrownBy(() -> GlenDB.open(dir, small())).isInstanceOf(GlenCorruptionException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void compactedDatabasesStillOpen() {
        try (GlenDB db = GlenDB.open(dir, small())) {
            write(db, 0, 100);
            db.admin().compact();
            write(db, 100, 200);
            db.admin().compact();
            db.admin().snapshotAll();
            write(db, 200, 250);
        }
        try (GlenDB db = GlenDB.open(dir, small())) {
            assertThat(db.count("c")).isEqualTo(250);
        }
    }

    private static long number(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
    }
}
