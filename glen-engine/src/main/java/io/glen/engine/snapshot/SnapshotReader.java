package io.glen.engine.snapshot;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.codec.ByteSource;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import io.glen.engine.store.StoredDoc;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads and verifies a snapshot. The whole body is checked (checksum, count, every entry's
 * framing, no trailing bytes) before the documents are handed out, so a damaged snapshot is
 * reported and never half-loaded.
 */
public final class SnapshotReader {

    private static final int CHUNK = 1 << 20;

    private SnapshotReader() {
    }

    /**
     * A verified snapshot.
     *
     * @param coveredLsn every change with an LSN up to this is reflected in the documents
     * @param documents the documents by id
     */
    public record Loaded(long coveredLsn, Map<String, StoredDoc> documents) {
    }

    /**
     * Loads the snapshot of {@code collection} from {@code path}.
     *
     * @throws GlenCorruptionException naming the file when anything does not verify
     * @throws IOException when reading fails
     */
    public static Loaded read(StorageFiles files, Path path, String collection) throws IOException {
        try (StorageFile file = files.openExisting(path)) {
            long size = file.size();
            if (size < SnapshotFile.HEADER_SIZE) {
                throw new GlenCorruptionException("snapshot is shorter than its header", path, 0);
            }
            byte[] headerBytes = new byte[SnapshotFile.HEADER_SIZE];
            file.readFully(ByteBuffer.wrap(headerBytes), 0);
            String[] problem = new String[1];
            SnapshotFile.Header header = SnapshotFile.decodeHeader(headerBytes, problem);
            if (header == null) {
                throw new GlenCorruptionException(problem[0], path, 0);
            }
            if (header.bodyLength() != size - SnapshotFile.HEADER_SIZE) {
                throw new GlenCorruptionException("snapshot body is " + (size - SnapshotFile.HEADER_SIZE)
                        + " bytes but the header says " + header.bodyLength(), path, SnapshotFile.HEADER_SIZE);
            }
            if (header.bodyLength() > Integer.MAX_VALUE - 64) {
                throw new GlenCorruptionException("snapshot bodies over 2 GiB are not supported by this Glen "
                        + "version; the header claims " + header.bodyLength() + " bytes", path, 0);
            }
            byte[] body = new byte[(int) header.bodyLength()];
            readChunked(file, body, SnapshotFile.HEADER_SIZE);
            CRC32C crc = new CRC32C();
            crc.update(body, 0, body.length);
            if ((int) crc.getValue() != header.bodyCrc()) {
                throw new GlenCorruptionException("snapshot body checksum mismatch", path, SnapshotFile.HEADER_SIZE);
            }
            return parse(new ByteSource(body), path, collection, header);
        }
    }

    private static void readChunked(StorageFile file, byte[] into, long from) throws IOException {
        int done = 0;
        while (done < into.length) {
            int n = Math.min(CHUNK, into.length - done);
            file.readFully(ByteBuffer.wrap(into, done, n), from + done);
            done += n;
        }
    }

    private static Loaded parse(ByteSource in, Path path, String collection, SnapshotFile.Header header) {
        try {
            String stored = in.string(Integer.MAX_VALUE);
            if (!stored.equals(collection)) {
                throw new GlenCorruptionException("snapshot belongs to collection '" + stored
                        + "' but is named for '" + collection + "'", path, SnapshotFile.HEADER_SIZE);
            }
            if (header.docCount() > in.remaining() / 3) {
                throw new GlenCorruptionException("snapshot claims " + header.docCount()
                        + " documents, more than its body can hold", path, 0);
            }
            Map<String, StoredDoc> documents = new HashMap<>((int) Math.min(header.docCount() * 4 / 3 + 1, 1 << 30));
            for (long i = 0; i < header.docCount(); i++) {
                String id = in.string(Integer.MAX_VALUE);
                long version = in.varLong();
                if (version <= 0) {
                    throw new GlenCorruptionException("snapshot entry has invalid version " + version);
                }
                int n = in.length("document length", 1, Integer.MAX_VALUE);
                StoredDoc doc = new StoredDoc(version, in.bytes(n));
                StoredDoc twice = documents.put(id, doc);
                if (twice != null) {
                    // Earlier builds could list an id deleted and put again during the
                    // snapshot twice, the newer copy written after the cut (which the WAL replay
                    // covers): keep the newer one. Any other repetition is damage.
                    if (twice.version() == version || Math.max(twice.version(), version) <= header.coveredLsn()) {
                        throw new GlenCorruptionException("snapshot holds document id '" + id + "' twice");
                    }
                    if (twice.version() > version) {
                        documents.put(id, twice);
                    }
                }
            }
            in.expectEnd("snapshot body");
            return new Loaded(header.coveredLsn(), documents);
        } catch (GlenCorruptionException e) {
            if (e.file() != null) {
                throw e;
            }
            throw new GlenCorruptionException("snapshot body does not parse: " + e.getMessage(), path,
                    SnapshotFile.HEADER_SIZE, e);
        }
    }
}
