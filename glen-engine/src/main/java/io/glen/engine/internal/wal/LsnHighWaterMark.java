package io.glen.engine.internal.wal;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.internal.codec.LittleEndian;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The LSN high-water mark, {@code glen.lsn}: a durable upper bound on every LSN (and so every
 * document version) this database may have handed out. A database that makes writes visible
 * before they are forced (sync modes INTERVAL and NONE) raises the mark ahead of the LSNs it
 * assigns and forces it before it uses them; after a crash it continues numbering above the mark,
 * so a version that a reader saw and a power loss took back is never given to other content.
 *
 * <p>The file holds two 32-byte slots, at offsets 0 and 512 (different disk sectors): {@code u32
 * magic "GLWM" | u32 format version | u64 sequence | u64 mark | u32 CRC32C of bytes 0..23 | u32 0}.
 * Each update writes the slot the older sequence occupies and forces it, so a write torn by a
 * crash damages only that slot and the other still holds the previous mark; the valid slot with
 * the higher sequence wins. The file is created whole (temporary file, force, rename, directory
 * force). Both slots invalid is corruption: the database refuses to open rather than risk reusing
 * versions.
 */
public final class LsnHighWaterMark implements AutoCloseable {

    /** The file's name in the database directory. */
    public static final String FILE_NAME = "glen.lsn";
    /** The temporary file the first version is written to; deleted on open. */
    public static final String TEMP_NAME = "glen.lsn.tmp";
    /** The magic number, the ASCII bytes {@code G L W M}. */
    public static final int MAGIC = 0x4D574C47;
    /** The format version. */
    public static final int FORMAT_VERSION = 1;
    /** Offset of the second slot. */
    public static final int SLOT_STRIDE = 512;
    /** Bytes of one slot. */
    public static final int SLOT_SIZE = 32;

    private final Path path;
    private final StorageFile file;
    private long sequence; // guarded by this
    private volatile long mark;

    private LsnHighWaterMark(Path path, StorageFile file, long sequence, long mark) {
        this.path = path;
        this.file = file;
        this.sequence = sequence;
        this.mark = mark;
    }

    /**
     * Opens the mark of the database in {@code dir}, creating it (at 0) when the database has none
     * yet (a new database, or one written before the mark existed, whose recovered LSN is then
     * the only bound there is).
     *
     * @throws GlenCorruptionException when the file exists but neither slot is valid
     */
    public static LsnHighWaterMark open(StorageFiles files, Path dir) throws IOException {
        Path path = dir.resolve(FILE_NAME);
        files.deleteIfExists(dir.resolve(TEMP_NAME));
        if (!files.exists(path)) {
            create(files, dir);
        }
        StorageFile file = files.openExisting(path);
        try {
            long[] newest = newest(path, file);
            LsnHighWaterMark opened = new LsnHighWaterMark(path, file, newest[0], newest[1]);
            file = null;
            return opened;
        } finally {
            if (file != null) {
                file.close();
            }
        }
    }

    /**
     * Reads the mark of the database in {@code dir} without opening it for updates: 0 when there
     * is no mark file (for tools and tests).
     *
     * @throws GlenCorruptionException when the file exists but neither slot is valid
     */
    public static long read(StorageFiles files, Path dir) throws IOException {
        Path path = dir.resolve(FILE_NAME);
        if (!files.exists(path)) {
            return 0;
        }
        try (StorageFile file = files.openExisting(path)) {
            return newest(path, file)[1];
        }
    }

    /** The valid slot {@code {sequence, mark}} with the highest sequence. */
    private static long[] newest(Path path, StorageFile file) throws IOException {
        byte[] bytes = new byte[SLOT_STRIDE + SLOT_SIZE];
        long size = Math.min(file.size(), bytes.length);
        file.readFully(ByteBuffer.wrap(bytes, 0, (int) size), 0);
        long[] a = decodeSlot(bytes, 0, size);
        long[] b = decodeSlot(bytes, SLOT_STRIDE, size);
        if (a == null && b == null) {
            throw new GlenCorruptionException("the LSN high-water mark is damaged (neither copy is valid), so "
                    + "Glen cannot tell which document versions were handed out before; restore the directory "
                    + "from a backup, or delete " + FILE_NAME + " to accept that versions seen before the last "
                    + "crash may be given to other content", path, 0);
        }
        return a == null ? b : b == null ? a : a[0] >= b[0] ? a : b;
    }

    private static void create(StorageFiles files, Path dir) throws IOException {
        Path temp = dir.resolve(TEMP_NAME);
        byte[] bytes = new byte[SLOT_STRIDE + SLOT_SIZE];
        encodeSlot(bytes, 0, 1, 0);
        encodeSlot(bytes, SLOT_STRIDE, 0, 0);
        try (StorageFile out = files.createNew(temp)) {
            out.write(ByteBuffer.wrap(bytes), 0);
            out.force();
        }
        files.move(temp, dir.resolve(FILE_NAME));
        files.syncDirectory(dir);
    }

    /** Slot {@code {sequence, mark}} at {@code offset}, or null when it is absent or damaged. */
    static long @Nullable [] decodeSlot(byte[] bytes, int offset, long size) {
        if (size < offset + SLOT_SIZE) {
            return null;
        }
        if (LittleEndian.getInt(bytes, offset) != MAGIC || LittleEndian.getInt(bytes, offset + 4) != FORMAT_VERSION) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, 24);
        if ((int) crc.getValue() != LittleEndian.getInt(bytes, offset + 24)) {
            return null;
        }
        long sequence = LittleEndian.getLong(bytes, offset + 8);
        long mark = LittleEndian.getLong(bytes, offset + 16);
        return sequence < 0 || mark < 0 ? null : new long[] {sequence, mark};
    }

    static void encodeSlot(byte[] bytes, int offset, long sequence, long mark) {
        LittleEndian.putInt(bytes, offset, MAGIC);
        LittleEndian.putInt(bytes, offset + 4, FORMAT_VERSION);
        LittleEndian.putLong(bytes, offset + 8, sequence);
        LittleEndian.putLong(bytes, offset + 16, mark);
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, 24);
        LittleEndian.putInt(bytes, offset + 24, (int) crc.getValue());
        LittleEndian.putInt(bytes, offset + 28, 0);
    }

    /** The durable mark. */
    public long mark() {
        return mark;
    }

    /** Raises the mark to {@code lsn} durably; does nothing when it is already there. */
    public synchronized void raise(long lsn) throws IOException {
        if (lsn > mark) {
            write(lsn);
        }
    }

    /**
     * Sets the mark to {@code lsn}, also lowering it: only for a clean close, when every LSN up to
     * the mark that was handed out is durable in the log and none above {@code lsn} was.
     */
    public synchronized void set(long lsn) throws IOException {
        if (lsn != mark) {
            write(lsn);
        }
    }

    private void write(long lsn) throws IOException {
        long next = sequence + 1;
        byte[] slot = new byte[SLOT_SIZE];
        encodeSlot(slot, 0, next, lsn);
        file.write(ByteBuffer.wrap(slot), (next & 1) == 0 ? SLOT_STRIDE : 0);
        file.force();
        sequence = next;
        mark = lsn;
    }

    /** The file's path. */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
