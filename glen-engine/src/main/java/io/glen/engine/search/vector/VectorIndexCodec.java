package io.glen.engine.search.vector;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.Names;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Persists a {@link VectorIndex} with its graph, so that opening a database loads the graph instead
 * of building it again (which the benchmarks show is far slower; see {@code glen-benchmarks/README.md}).
 *
 * <p>Format, little-endian like every Glen file:
 * <pre>
 *   u32 magic "GLVX" | u32 version (1)
 *   u32 dimensions | u8 similarity (ordinal of {@link VectorSimilarity}) | u32 m | u32 efConstruction
 *   u32 efSearch | u32 exactSearchBelow | u64 seed
 *   u32 node count | i32 entry node (-1: empty)
 *   per node, numbered densely from 0:
 *     u32 id length | id (UTF-8) | u8 top level | dimensions × f32 (the stored, prepared vector)
 *     per level 0..top: u32 neighbour count | that many u32 node numbers
 *   u32 CRC32C of every byte before it
 * </pre>
 * Deleted nodes are purged before writing, so the file holds live nodes only. Reading checks every
 * count and number against its bound before using it and the checksum at the end; bytes that fail
 * any check raise {@link GlenCorruptionException}, never a half-built index.
 */
public final class VectorIndexCodec {

    private static final int MAGIC = 0x58564C47; // "GLVX" read as little-endian bytes
    private static final int VERSION = 1;
    private static final int MAX_LEVEL = 24;

    private VectorIndexCodec() {
    }

    /**
     * Writes {@code index} to {@code out} (writer only: it purges deleted nodes first, so it must not
     * run concurrently with {@code put} or {@code remove}; searches may continue). Does not close {@code out}.
     */
    public static void write(VectorIndex index, OutputStream out) throws IOException {
        index.purgeDeleted();
        HnswGraph graph = index.graph();
        VectorIndexConfig config = index.config();
        int limit = graph.ordinalLimit();
        int[] dense = new int[limit];
        List<HnswNode> live = new ArrayList<>();
        for (int ordinal = 0; ordinal < limit; ordinal++) {
            HnswNode node = graph.nodes.get(ordinal);
            dense[ordinal] = node.deleted ? -1 : live.size();
            if (!node.deleted) {
                live.add(node);
            }
        }
        HnswNode entry = graph.entry();
        Output o = new Output(out);
        o.i32(MAGIC).i32(VERSION).i32(config.dimensions()).u8(config.similarity().ordinal()).i32(config.m())
                .i32(config.efConstruction()).i32(config.efSearch()).i32(config.exactSearchBelow()).i64(config.seed())
                .i32(live.size()).i32(entry == null ? -1 : dense[entry.ordinal]);
        for (HnswNode node : live) {
            byte[] id = node.id.getBytes(StandardCharsets.UTF_8);
            o.i32(id.length).bytes(id).u8(node.level());
            for (float f : node.vector) {
                o.f32(f);
            }
            for (int level = 0; level <= node.level(); level++) {
                int[] links = node.links(level);
                o.i32(links.length);
                for (int n : links) {
                    o.i32(dense[n]);
                }
            }
        }
        o.finish();
    }

    /**
     * Reads an index written by {@link #write}. Does not close {@code in}.
     *
     * @throws GlenCorruptionException if the bytes are not a valid vector index
     * @throws IOException if reading fails
     */
    public static VectorIndex read(InputStream in) throws IOException {
        Input i = new Input(in);
        try {
            if (i.i32() != MAGIC) {
                throw new GlenCorruptionException("not a Glen vector index (bad magic)");
            }
            int version = i.i32();
            if (version != VERSION) {
                throw new GlenCorruptionException("unsupported vector index version " + version);
            }
            int dimensions = i.i32();
            int similarity = i.u8();
            if (similarity >= VectorSimilarity.values().length) {
                throw new GlenCorruptionException("unknown similarity " + similarity);
            }
            VectorIndexConfig config;
            try {
                config = new VectorIndexConfig(dimensions, VectorSimilarity.values()[similarity], i.i32(), i.i32(),
                        i.i32(), i.i32(), i.i64());
            } catch (IllegalArgumentException e) {
                throw new GlenCorruptionException("invalid vector index configuration: " + e.getMessage());
            }
            int count = i.i32();
            int entry = i.i32();
            if (count < 0 || entry < -1 || entry >= count || (count > 0) != (entry >= 0)) {
                throw new GlenCorruptionException("invalid node count " + count + " or entry " + entry);
            }
            VectorIndex index = new VectorIndex(config);
            for (int ordinal = 0; ordinal < count; ordinal++) {
                index.restore(readNode(i, config, ordinal, count), ordinal == entry);
            }
            int expected = i.checksum();
            if (i.i32() != expected) {
                throw new GlenCorruptionException("vector index checksum mismatch");
            }
            return index;
        } catch (EOFException e) {
            throw new GlenCorruptionException("vector index ends early, at byte " + i.position);
        }
    }

    private static HnswNode readNode(Input i, VectorIndexConfig config, int ordinal, int count) throws IOException {
        int idLength = i.i32();
        if (idLength < 1 || idLength > Names.MAX_ID_BYTES) {
            throw new GlenCorruptionException("invalid id length " + idLength + " of node " + ordinal);
        }
        String id = new String(i.bytes(idLength), StandardCharsets.UTF_8);
        int level = i.u8();
        if (level > MAX_LEVEL) {
            throw new GlenCorruptionException("invalid level " + level + " of node " + ordinal);
        }
        float[] vector = new float[config.dimensions()];
        for (int d = 0; d < vector.length; d++) {
            vector[d] = i.f32();
            if (!Float.isFinite(vector[d])) {
                throw new GlenCorruptionException("non-finite vector component in node " + ordinal);
            }
        }
        HnswNode node = new HnswNode(ordinal, id, vector, level);
        for (int l = 0; l <= level; l++) {
            int n = i.i32();
            if (n < 0 || n > config.maxConnections(l)) {
                throw new GlenCorruptionException("invalid neighbour count " + n + " of node " + ordinal);
            }
            int[] links = new int[n];
            for (int j = 0; j < n; j++) {
                links[j] = i.i32();
                if (links[j] < 0 || links[j] >= count || links[j] == ordinal) {
                    throw new GlenCorruptionException("invalid neighbour " + links[j] + " of node " + ordinal);
                }
            }
            node.setLinks(l, links);
        }
        return node;
    }

    /** Buffered little-endian output with a running CRC32C. */
    private static final class Output {
        private final OutputStream out;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Output(OutputStream out) {
            this.out = out;
        }

        private Output room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
            return this;
        }

        Output u8(int v) throws IOException {
            room(1).buffer.put((byte) v);
            return this;
        }

        Output i32(int v) throws IOException {
            room(4).buffer.putInt(v);
            return this;
        }

        Output i64(long v) throws IOException {
            room(8).buffer.putLong(v);
            return this;
        }

        Output f32(float v) throws IOException {
            room(4).buffer.putFloat(v);
            return this;
        }

        Output bytes(byte[] b) throws IOException {
            room(b.length).buffer.put(b);
            return this;
        }

        private void flush() throws IOException {
            crc.update(buffer.array(), 0, buffer.position());
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }

        void finish() throws IOException {
            flush();
            buffer.putInt((int) crc.getValue());
            out.write(buffer.array(), 0, 4);
            buffer.clear();
            out.flush();
        }
    }

    /** Buffered little-endian input with a running CRC32C over the bytes consumed. */
    private static final class Input {
        private final InputStream in;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();
        long position;

        Input(InputStream in) {
            this.in = in;
            buffer.limit(0);
        }

        private ByteBuffer need(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                crc.update(buffer.array(), 0, buffer.position());
                buffer.compact();
                while (buffer.position() < bytes) {
                    int n = in.read(buffer.array(), buffer.position(), buffer.capacity() - buffer.position());
                    if (n < 0) {
                        throw new EOFException();
                    }
                    buffer.position(buffer.position() + n);
                }
                buffer.flip();
            }
            position += bytes;
            return buffer;
        }

        int u8() throws IOException {
            return need(1).get() & 0xFF;
        }

        int i32() throws IOException {
            return need(4).getInt();
        }

        long i64() throws IOException {
            return need(8).getLong();
        }

        float f32() throws IOException {
            return need(4).getFloat();
        }

        byte[] bytes(int n) throws IOException {
            byte[] b = new byte[n];
            need(n).get(b);
            return b;
        }

        /** The CRC32C of every byte consumed so far. */
        int checksum() {
            crc.update(buffer.array(), 0, buffer.position());
            // Bytes before the position are now counted; drop them so they are not counted again.
            buffer.compact().flip();
            return (int) crc.getValue();
        }
    }
}
