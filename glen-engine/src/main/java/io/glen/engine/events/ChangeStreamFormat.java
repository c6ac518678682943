package io.glen.engine.events;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.internal.codec.LittleEndian;
import io.glen.engine.value.ObjectBuilder;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import io.glen.engine.value.ValueKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The framing of change streams ({@code GlenDB.subscribeStream}): each change is
 * {@code varuint bodyLen | u32 CRC32C(body) | body}, where the body is the canonical encoding of
 * an object value {@code {type, collection, id, lsn, oldVersion, old?, new?}} ({@code type} one of
 * {@code "INSERT"}, {@code "UPDATE"}, {@code "DELETE"}; {@code old} and {@code new} absent when
 * there is no such value). {@link #read(InputStream)} decodes it.
 */
public final class ChangeStreamFormat {

    /** The largest frame body {@link #read} accepts. */
    public static final int MAX_FRAME_BYTES = 1 << 30;

    private ChangeStreamFormat() {
    }

    /** Writes one change as a frame (not flushed). */
    public static void write(OutputStream out, DocumentChange change) throws IOException {
        ObjectBuilder body = Value.object()
                .put("type", change.type().name())
                .put("collection", change.collection())
                .put("id", change.id())
                .put("lsn", change.lsn())
                .put("oldVersion", change.oldVersion());
        if (change.oldValue() != null) {
            body.put("old", change.oldValue());
        }
        if (change.newValue() != null) {
            body.put("new", change.newValue());
        }
        byte[] encoded = ValueCodec.encode(body.build());
        ByteSink frame = new ByteSink(encoded.length + 16);
        frame.varLong(encoded.length);
        CRC32C crc = new CRC32C();
        crc.update(encoded, 0, encoded.length);
        frame.u32((int) crc.getValue()).bytes(encoded);
        out.write(frame.array(), 0, frame.size());
    }

    /**
     * Reads the next change.
     *
     * @return the change, or null at a clean end of the stream
     * @throws GlenCorruptionException when a frame is damaged or truncated
     */
    public static @Nullable DocumentChange read(InputStream in) throws IOException {
        long length = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (shift == 0) {
                    return null;
                }
                throw new GlenCorruptionException("change stream ends inside a frame length");
            }
            if (shift > 28) {
                throw new GlenCorruptionException("change stream frame length is too long");
            }
            length |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (length > MAX_FRAME_BYTES) {
            throw new GlenCorruptionException("change stream frame of " + length + " bytes exceeds the limit");
        }
        byte[] crcBytes = in.readNBytes(4);
        byte[] body = readExactly(in, (int) length);
        if (crcBytes.length < 4) {
            throw new GlenCorruptionException("change stream ends inside a frame header");
        }
        CRC32C crc = new CRC32C();
        crc.update(body, 0, body.length);
        if ((int) crc.getValue() != LittleEndian.getInt(crcBytes, 0)) {
            throw new GlenCorruptionException("change stream frame checksum mismatch");
        }
        Value v = ValueCodec.decode(body);
        try {
            ChangeType type = ChangeType.valueOf(v.get("type").asString());
            Value old = v.get("old");
            return new DocumentChange(v.get("collection").asString(), v.get("id").asString(), type,
                    v.get("lsn").asLong(), v.get("oldVersion").asLong(),
                    old == null ? null : ValueCodec.encode(old), v.get("new"));
        } catch (RuntimeException e) {
            if (v.kind() != ValueKind.OBJECT || e instanceof NullPointerException || e instanceof IllegalStateException
                    || e instanceof IllegalArgumentException) {
                throw new GlenCorruptionException("change stream frame is not a change: " + v);
            }
            throw e;
        }
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] body = new byte[Math.min(length, 1 << 16)];
        int done = 0;
        while (done < length) {
            if (done == body.length) {
                body = java.util.Arrays.copyOf(body, Math.min(length, body.length * 2));
            }
            int n = in.read(body, done, body.length - done);
            if (n < 0) {
                throw new GlenCorruptionException("change stream ends inside a frame");
            }
            done += n;
        }
        return body;
    }
}
