package io.glen.engine.internal.snapshot;

import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes a collection's snapshot: into {@code <collection>.snap.tmp}, then the header with the
 * body's checksum, force, atomic rename over {@code <collection>.snap}, and a forced directory. A
 * crash at any point leaves either the old snapshot or the new one, never a mixture.
 */
public final class SnapshotWriter {

    private static final int FLUSH_AT = 256 * 1024;

    private SnapshotWriter() {
    }

    /**
     * Writes the snapshot of {@code documents}, which may change while being iterated: every entry
     * must reflect a state at or after {@code coveredLsn}. Entries whose version is above
     * {@code coveredLsn} are left out: they were written after the cut, so the WAL after
     * {@code coveredLsn} holds them (and replaying it with per-document version checks brings the
     * snapshot to the exact state). This also keeps each id at most once: a live map's weakly
     * consistent iterator can return an id twice when it is deleted and put again during the
     * iteration, and the second entry is always one written after the cut.
     *
     * @param beforePublish runs after the temporary file is forced and before it is renamed into
     *     place; the database makes the WAL durable there, so a published snapshot never holds a
     *     change that the log could still lose
     * @return the number of documents written
     */
    public static long write(StorageFiles files, Path dir, String collection, long coveredLsn,
                             Iterator<? extends Map.Entry<String, ? extends SnapshotDocument>> documents,
                             Runnable beforePublish)
            throws IOException {
        Path temp = SnapshotFile.tempPath(dir, collection);
        files.deleteIfExists(temp);
        long count = 0;
        try (StorageFile file = files.createNew(temp)) {
            CRC32C crc = new CRC32C();
            ByteSink buffer = new ByteSink(FLUSH_AT + 1024);
            long position = SnapshotFile.HEADER_SIZE;
            buffer.string(collection);
            while (documents.hasNext()) {
                Map.Entry<String, ? extends SnapshotDocument> entry = documents.next();
                SnapshotDocument doc = entry.getValue();
                if (doc.version() > coveredLsn) {
                    continue;
                }
                buffer.string(entry.getKey()).varLong(doc.version()).lengthPrefixed(doc.encoded());
                count++;
                if (buffer.size() >= FLUSH_AT) {
                    position += flush(file, buffer, crc, position);
                }
            }
            position += flush(file, buffer, crc, position);
            long bodyLength = position - SnapshotFile.HEADER_SIZE;
            byte[] header = SnapshotFile.encodeHeader(coveredLsn, count, bodyLength, (int) crc.getValue());
            file.write(ByteBuffer.wrap(header), 0);
            file.force();
        } catch (IOException | RuntimeException e) {
            try {
                files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        beforePublish.run();
        files.move(temp, SnapshotFile.path(dir, collection));
        files.syncDirectory(dir);
        return count;
    }

    private static int flush(StorageFile file, ByteSink buffer, CRC32C crc, long position) throws IOException {
        int n = buffer.size();
        if (n > 0) {
            crc.update(buffer.array(), 0, n);
            file.write(ByteBuffer.wrap(buffer.array(), 0, n), position);
            buffer.reset();
        }
        return n;
    }
}
