package io.glen.engine.internal.index;

import io.glen.engine.index.IndexDefinition;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.internal.codec.ByteSource;
import io.glen.engine.internal.codec.LittleEndian;
import io.glen.engine.io.StorageFile;
import io.glen.engine.io.StorageFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The persisted index definitions, {@code glen.indexes}: a 16-byte header (magic {@code "GIDX"},
 * u32 format version, u32 body length, u32 CRC32C of the body), then
 * {@code varuint count | (string collection | string name | varuint n | string path × n) × count}.
 * Replaced atomically (temporary file, force, rename, directory force) on every change. Indexes
 * themselves are rebuilt from the documents on open.
 */
public final class IndexCatalog {

    /** The catalog's file name. */
    public static final String FILE_NAME = "glen.indexes";
    /** The temporary file written before the rename; deleted on open. */
    public static final String TEMP_NAME = "glen.indexes.tmp";

    private static final int MAGIC = 0x58444947; // "GIDX"
    private static final int FORMAT_VERSION = 1;
    private static final int HEADER = 16;

    private final StorageFiles files;
    private final Path dir;

    /** The catalog of the database in {@code dir}. */
    public IndexCatalog(StorageFiles files, Path dir) {
        this.files = files;
        this.dir = dir;
    }

    /** Reads the definitions per collection (empty when there is no catalog yet). */
    public Map<String, List<IndexDefinition>> load() throws IOException {
        Path path = dir.resolve(FILE_NAME);
        files.deleteIfExists(dir.resolve(TEMP_NAME));
        Map<String, List<IndexDefinition>> result = new LinkedHashMap<>();
        if (!files.exists(path)) {
            return result;
        }
        byte[] bytes;
        try (StorageFile file = files.openExisting(path)) {
            long size = file.size();
            if (size < HEADER || size > (64 << 20)) {
                throw new GlenCorruptionException("index catalog has an impossible size " + size, path, 0);
            }
            bytes = new byte[(int) size];
            file.readFully(ByteBuffer.wrap(bytes), 0);
        }
        if (LittleEndian.getInt(bytes, 0) != MAGIC) {
            throw new GlenCorruptionException("not a Glen index catalog (bad magic)", path, 0);
        }
        if (LittleEndian.getInt(bytes, 4) != FORMAT_VERSION) {
            throw new GlenCorruptionException("unsupported index catalog version " + LittleEndian.getInt(bytes, 4), path, 4);
        }
        int length = LittleEndian.getInt(bytes, 8);
        if (length != bytes.length - HEADER) {
            throw new GlenCorruptionException("index catalog body length mismatch", path, 8);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER, length);
        if ((int) crc.getValue() != LittleEndian.getInt(bytes, 12)) {
            throw new GlenCorruptionException("index catalog checksum mismatch", path, 12);
        }
        try {
            ByteSource in = new ByteSource(bytes, HEADER, length);
            int count = in.length("index count", 3, Integer.MAX_VALUE);
            for (int i = 0; i < count; i++) {
                String collection = in.string(Integer.MAX_VALUE);
                String name = in.string(Integer.MAX_VALUE);
                int n = in.length("path count", 1, Integer.MAX_VALUE);
                List<String> paths = new ArrayList<>(n);
                for (int p = 0; p < n; p++) {
                    paths.add(in.string(Integer.MAX_VALUE));
                }
                result.computeIfAbsent(collection, c -> new ArrayList<>()).add(new IndexDefinition(name, paths));
            }
            in.expectEnd("index catalog");
        } catch (GlenCorruptionException | IllegalArgumentException e) {
            throw new GlenCorruptionException("index catalog does not parse: " + e.getMessage(), path, HEADER, e);
        }
        return result;
    }

    /** Replaces the catalog with {@code definitions} durably. */
    public void save(Map<String, List<IndexDefinition>> definitions) throws IOException {
        ByteSink body = new ByteSink();
        int count = definitions.values().stream().mapToInt(List::size).sum();
        body.varLong(count);
        definitions.forEach((collection, list) -> {
            for (IndexDefinition def : list) {
                body.string(collection).string(def.name()).varLong(def.paths().size());
                def.paths().forEach(body::string);
            }
        });
        byte[] file = new byte[HEADER + body.size()];
        LittleEndian.putInt(file, 0, MAGIC);
        LittleEndian.putInt(file, 4, FORMAT_VERSION);
        LittleEndian.putInt(file, 8, body.size());
        CRC32C crc = new CRC32C();
        crc.update(body.array(), 0, body.size());
        LittleEndian.putInt(file, 12, (int) crc.getValue());
        System.arraycopy(body.array(), 0, file, HEADER, body.size());
        Path temp = dir.resolve(TEMP_NAME);
        files.deleteIfExists(temp);
        try (StorageFile out = files.createNew(temp)) {
            out.write(ByteBuffer.wrap(file), 0);
            out.force();
        }
        files.move(temp, dir.resolve(FILE_NAME));
        files.syncDirectory(dir);
    }
}
