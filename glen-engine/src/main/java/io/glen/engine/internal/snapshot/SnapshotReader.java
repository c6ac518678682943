package io.glen.engine.internal.snapshot;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.internal.codec.ByteSource;
import io.glen.engine.io.FileView;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads and verifies a snapshot. The whole body is checked (checksum, count, every entry's
 * framing, no trailing bytes) before any document is handed out, so a damaged snapshot is reported
 * and never half-loaded. Verifying walks the entries once and records where each starts; the
 * documents are then parsed from those positions by {@link Loaded#documents}, for disjoint ranges
 * in parallel if the caller likes (recovery does, so that a large collection loads on every core).
 */
public final class SnapshotReader {

    private SnapshotReader() {
    }

    /** Receives the documents of a snapshot; may be called from several threads at once. */
    @FunctionalInterface
    public interface DocumentSink {
        /** One document: its id, version and encoded value (a fresh array the sink may keep). */
        void document(String id, long version, byte[] encoded);
    }

    /**
     * A verified snapshot, open until {@link #close}: its body stays a view of the file (a memory
     * mapping on the real file system) while its documents are parsed out.
     *
     * @param coveredLsn every change with an LSN up to this is reflected in the documents
     * @param path where it was read from (for error messages)
     * @param view the body
     * @param starts where each entry starts in the body
     */
    public record Loaded(long coveredLsn, Path path, FileView view, int[] starts) implements AutoCloseable {

        /** The number of documents. */
        public int count() {
            return starts.length;
        }

        /**
         * Parses documents {@code from} (inclusive) to {@code to} (exclusive) into {@code sink}; ranges
         * may be parsed by several threads at once.
         *
         * @throws GlenCorruptionException when an id is not valid UTF-8 (framing was checked on read)
         */
        public void documents(int from, int to, DocumentSink sink) {
            ByteBuffer body = view.bytes();
            byte[] entry = new byte[256];
            for (int i = from; i < to; i++) {
                int start = starts[i];
                int end = i + 1 < starts.length ? starts[i + 1] : body.limit();
                int length = end - start;
                if (entry.length < length) {
                    entry = new byte[Math.max(length, entry.length * 2)];
                }
                body.get(start, entry, 0, length);
                ByteSource in = new ByteSource(entry, 0, length);
                try {
                    String id = in.string(Integer.MAX_VALUE);
                    long version = in.varLong();
                    int n = in.length("document length", 1, Integer.MAX_VALUE);
                    sink.document(id, version, in.bytes(n));
                } catch (GlenCorruptionException e) {
                    throw new GlenCorruptionException("snapshot entry " + i + " does not parse: " + e.getMessage(), path,
                            SnapshotFile.HEADER_SIZE + start, e);
                }
            }
        }

        /** Releases the body (after every range was parsed). */
        @Override
        public void close() {
            view.close();
        }
    }

    /**
     * Reads and verifies the snapshot of {@code collection} at {@code path}; the caller parses its
     * documents and closes it.
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
            FileView view = file.view(SnapshotFile.HEADER_SIZE, (int) header.bodyLength());
            try {
                CRC32C crc = new CRC32C();
                crc.update(view.bytes().duplicate());
                if ((int) crc.getValue() != header.bodyCrc()) {
                    throw new GlenCorruptionException("snapshot body checksum mismatch", path, SnapshotFile.HEADER_SIZE);
                }
                Loaded loaded = index(view, path, collection, header);
                view = null;
                return loaded;
            } finally {
                if (view != null) {
                    view.close();
                }
            }
        }
    }

    /** Checks the framing of every entry and records where each starts. */
    private static Loaded index(FileView view, Path path, String collection, SnapshotFile.Header header) {
        BodyReader in = new BodyReader(view.bytes());
        try {
            String stored = in.string();
            if (!stored.equals(collection)) {
                throw new GlenCorruptionException("snapshot belongs to collection '" + stored
                        + "' but is named for '" + collection + "'", path, SnapshotFile.HEADER_SIZE);
            }
            if (header.docCount() > in.remaining() / 3) {
                throw new GlenCorruptionException("snapshot claims " + header.docCount()
                        + " documents, more than its body can hold", path, 0);
            }
            int[] starts = new int[(int) header.docCount()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = in.position();
                in.skip(in.length("id length"));
                long version = in.varLong();
                if (version <= 0) {
                    throw new GlenCorruptionException("snapshot entry has invalid version " + version);
                }
                in.skip(in.length("document length"));
            }
            if (in.remaining() != 0) {
                throw new GlenCorruptionException("snapshot body has " + in.remaining() + " trailing bytes at position "
                        + in.position());
            }
            return new Loaded(header.coveredLsn(), path, view, starts);
        } catch (GlenCorruptionException e) {
            if (e.file() != null) {
                throw e;
            }
            throw new GlenCorruptionException("snapshot body does not parse: " + e.getMessage(), path,
                    SnapshotFile.HEADER_SIZE, e);
        }
    }
}
