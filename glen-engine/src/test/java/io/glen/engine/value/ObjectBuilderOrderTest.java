package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The builder sorts fields once at build time: whatever the order of puts, repeated names and
 * removals, the object equals the one a sorted map of the last value per name describes.
 */
class ObjectBuilderOrderTest {

    @Test
    void randomPutsRepeatsAndRemovalsBuildWhatASortedMapOfTheLastValuesHolds() {
        long seed = 20261204L;
        Random random = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            ObjectBuilder builder = Value.object();
            Map<String, Value> model = new TreeMap<>(ValueOrder::compareStrings);
            int fields = random.nextInt(round % 10 == 0 ? 80 : 20);
            for (int i = 0; i < fields; i++) {
                String name = "f" + random.nextInt(Math.max(1, fields / 2 + 1));
                if (random.nextInt(12) == 0) {
                    builder.remove(name);
                    model.remove(name);
                } else {
                    Value value = Value.of(random.nextInt(1000));
                    builder.put(name, value);
                    model.put(name, value);
                }
            }
            ObjectValue built = builder.build();
            assertThat(built.size()).as("seed %d round %d", seed, round).isEqualTo(model.size());
            int i = 0;
            for (Map.Entry<String, Value> entry : model.entrySet()) {
                assertThat(built.nameAt(i)).as("seed %d round %d field %d", seed, round, i).isEqualTo(entry.getKey());
                assertThat(built.valueAt(i)).isEqualTo(entry.getValue());
                i++;
            }
            assertThat(built).isEqualTo(Value.object(model));
        }
    }
}
