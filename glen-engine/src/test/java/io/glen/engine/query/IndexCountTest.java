package io.glen.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code count()} of equalities on an index's leading paths comes from the index's key counts; it
 * must equal a scan's count through random puts, overwrites and deletes, with ints and floats that
 * compare equal, arrays (several keys per document) and missing fields.
 */
class IndexCountTest {

    @TempDir
    Path dir;

    private static Value randomScalar(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Value.of(r.nextInt(4));
            case 1 -> Value.of((double) r.nextInt(4));
            case 2 -> Value.of(r.nextInt(4) + 0.5);
            case 3 -> Value.of("s" + r.nextInt(3));
            case 4 -> Value.array(Value.of(r.nextInt(4)), Value.of("s" + r.nextInt(3)));
            default -> Value.NULL;
        };
    }

    @Test
    void countsFromTheIndexEqualCountsFromAScanThroughRandomWrites() {
        long seed = 20261204L;
        Random r = new Random(seed);
        try (GlenDB db = GlenDB.open(dir)) {
            db.createIndex("c", "by_a", "a");
            db.createIndex("c", "by_a_b", "a", "b");
            for (int step = 0; step < 3_000; step++) {
                String id = "d" + r.nextInt(300);
                if (r.nextInt(8) == 0) {
                    db.delete("c", id);
                } else {
                    var builder = Value.object();
                    if (r.nextInt(6) != 0) {
                        builder.put("a", randomScalar(r));
                    }
                    if (r.nextInt(4) != 0) {
                        builder.put("b", randomScalar(r));
                    }
                    db.put("c", id, builder.build());
                }
                if (step % 50 == 0) {
                    for (int q = 0; q < 10; q++) {
                        Value a = randomScalar(r);
                        Filter filter = r.nextBoolean() ? Filter.eq("a", a) : Filter.eq("a", a).and(Filter.eq("b", randomScalar(r)));
                        assertThat(db.query("c").where(filter).count()).as("seed %d step %d %s", seed, step, filter)
                                .isEqualTo(db.query("c").where(filter).withoutIndexes().count());
                    }
                }
            }
        }
    }
}
