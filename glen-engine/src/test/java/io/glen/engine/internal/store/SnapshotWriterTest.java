package io.glen.engine.internal.store;

import io.glen.engine.internal.snapshot.SnapshotFile;
import io.glen.engine.internal.snapshot.SnapshotReader;
import io.glen.engine.internal.snapshot.SnapshotWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.io.StorageFile;
import io.glen.engine.testing.SimulatedStorageFiles;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * What a snapshot keeps of a collection that changes while it is written, and how snapshots of
 * earlier writers that listed such an id twice are read.
 */
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
        Map<String, StoredDoc> documents = SnapshotLoader.load(loaded).documents();
        assertThat(documents).containsOnlyKeys("a", "b");
        assertThat(documents.get("a").version()).isEqualTo(3);
        assertThat(documents.get("a").decode()).isEqualTo(Value.of("a@3"));
        assertThat(documents.get("b").version()).isEqualTo(5);
    }

    /** Reads the snapshot of "things" and loads it as recovery does. */
    private static Map<String, StoredDoc> load(SimulatedStorageFiles files) throws IOException {
        return SnapshotLoader.load(SnapshotReader.read(files, SnapshotFile.path(DIR, "things"), "things")).documents();
    }

    /** A snapshot as earlier builds wrote it: every iterated entry, none left out. */
    private static void writeUnfiltered(SimulatedStorageFiles files, long coveredLsn,
                                        List<Map.Entry<String, StoredDoc>> entries) throws IOException {
        ByteSink body = new ByteSink();
        body.string("things");
        for (Map.Entry<String, StoredDoc> e : entries) {
            body.string(e.getKey()).varLong(e.getValue().version()).lengthPrefixed(e.getValue().encoded());
        }
        CRC32C crc = new CRC32C();
        crc.update(body.array(), 0, body.size());
        byte[] header = SnapshotFile.encodeHeader(coveredLsn, entries.size(), body.size(), (int) crc.getValue());
        try (StorageFile file = files.createNew(SnapshotFile.path(DIR, "things"))) {
            file.write(ByteBuffer.wrap(header), 0);
            file.write(ByteBuffer.wrap(body.array(), 0, body.size()), header.length);
        }
    }

    @Test
    void anOlderSnapshotListingAnIdAgainAfterTheCutKeepsTheNewerCopy() throws IOException {
        SimulatedStorageFiles files = new SimulatedStorageFiles(1);
        files.createDirectories(DIR);
        // "a" was at version 3 at the cut and put again during the iteration; "b" was put twice after it.
        writeUnfiltered(files, 5, List.of(doc("a", 3), doc("b", 6), doc("a", 9), doc("b", 8)));

        Map<String, StoredDoc> documents = load(files);

        assertThat(documents.get("a").version()).isEqualTo(9);
        assertThat(documents.get("a").decode()).isEqualTo(Value.of("a@9"));
        assertThat(documents.get("b").version()).isEqualTo(8);
    }

    @Test
    void anIdListedTwiceWithinTheCutOrWithOneVersionIsCorruption() throws IOException {
        SimulatedStorageFiles files = new SimulatedStorageFiles(1);
        files.createDirectories(DIR);
        writeUnfiltered(files, 5, List.of(doc("a", 3), doc("a", 5)));
        assertThatThrownBy(() -> load(files))
                .isInstanceOf(GlenCorruptionException.class).hasMessageContaining("'a' twice");

        files.deleteIfExists(SnapshotFile.path(DIR, "things"));
        writeUnfiltered(files, 5, List.of(doc("a", 7), doc("a", 7)));
        assertThatThrownBy(() -> load(files))
                .isInstanceOf(GlenCorruptionException.class).hasMessageContaining("'a' twice");
    }
}
