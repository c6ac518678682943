package io.glen.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryOffsetTest {

    @TempDir
    Path dir;

    @Test
    void offsetSkipsRowsInQueryOrderBeforeTheLimit() {
        try (GlenDB db = GlenDB.open(dir)) {
            for (int i = 0; i < 10; i++) {
                db.put("c", "k" + i, Value.object().put("n", 9 - i).build());
            }
            assertThat(db.query("c").orderBy("n").offset(3).limit(4).list()).extracting(d -> d.value().at("n").asLong())
                    .containsExactly(3L, 4L, 5L, 6L);
            assertThat(db.query("c").orderBy("n").offset(8).list()).extracting(Document::id).containsExactly("k1", "k0");
            assertThat(db.query("c").offset(20).list()).isEmpty();
            assertThatThrownBy(() -> db.query("c").offset(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
