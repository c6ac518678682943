package io.glen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.value.Value;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlenDBSmokeTest {

    @TempDir
    Path dir;

    @Test
    void putGetReopenCompact() {
        try (GlenDB db = GlenDB.open(dir)) {
            long v1 = db.put("users", "ada", Value.object().put("name", "Ada").put("age", 36).build());
            long v2 = db.put("users", "bob", Value.of("x"));
            assertThat(v2).isGreaterThan(v1);
            assertThat(db.get("users", "ada").at("name")).isEqualTo(Value.of("Ada"));
            assertThat(db.delete("users", "bob")).isTrue();
            assertThat(db.delete("users", "bob")).isFalse();
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.get("users", "ada").at("age")).isEqualTo(Value.of(36));
            assertThat(db.get("users", "bob")).isNull();
            db.admin().compact();
            db.put("users", "cy", Value.of(1.5));
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.count("users")).isEqualTo(2);
            assertThat(db.get("users", "cy")).isEqualTo(Value.of(1.5));
        }
    }
}
