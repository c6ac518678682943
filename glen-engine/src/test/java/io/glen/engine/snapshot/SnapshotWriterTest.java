package io.glen.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.store.StoredDoc;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a snapshot keeps of a collection that changes while it is written. */
class SnapshotWriterTest {

    private static final Path DIR = Path.of("/sim/db");

    private static Map.Entry<String, StoredDoc> doc(String id, long version) {
        return Map.entry(id, new StoredDoc(version, ValueCodec.encode(Value.of(id + "@" + version))));
    }

    @Test
    void entriesWrittenAfterTheCutAreLeftToTheLogAndAnIdSeenTwiceIsKeptOnce() throws IOException {
        SimulatedStorageFiles files = new SimulatedStorageFiles(1);
        files.createDirectories(DIR);
        // What a live map's iterator can return while writers run after the cut at LSN 5: "a" was
        // deleted and put again (LSN 9) during the iteration, "c" was first put after the cut.
        List<Map.Entry<String, StoredDoc>> iterated = List.of(doc("a", 3), doc("b", 5), doc("c", 7), doc("a", 9));

        long written = SnapshotWriter.write(files, DIR, "things", 5, iterated.iterator(), () -> { });

        assertThat(written).isEqualTo(2);
        SnapshotReader.Loaded loaded = SnapshotReader.read(files, SnapshotFile.path(DIR, "things"), "things");
        assertThat(loaded.coveredLsn()).isEqualTo(5);
        assertThat(loaded.documents()).containsOnlyKeys("a", "b");
        assertThat(loaded.documents().get("a").version()).isEqualTo(3);
        assertThat(loaded.documents().get("a").decode()).isEqualTo(Value.of("a@3"));
        assertThat(loaded.documents().get("b").version()).isEqualTo(5);
    }
}
