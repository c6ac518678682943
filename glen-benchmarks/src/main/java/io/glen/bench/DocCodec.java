package io.glen.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A compact hand-written binary encoding of {@link Doc} for the stores that keep bytes (MapDB,
 * MVStore, Chronicle Map): length-prefixed UTF-8 strings and fixed-width numbers, no field names.
 * It is deliberately the cheapest reasonable serializer, so peers are not slowed down by generic
 * (Java or reflective) serialization; Glen, whose documents are self-describing, encodes field
 * names too.
 */
public final class DocCodec {

    private DocCodec() {
    }

    /** Encodes a document. */
    public static byte[] encode(Doc d) {
        byte[] id = d.id().getBytes(StandardCharsets.UTF_8);
        byte[] name = d.name().getBytes(StandardCharsets.UTF_8);
        byte[] email = d.email().getBytes(StandardCharsets.UTF_8);
        byte[] city = d.city().getBytes(StandardCharsets.UTF_8);
        byte[] category = d.category().getBytes(StandardCharsets.UTF_8);
        int size = 5 * 2 + id.length + name.length + email.length + city.length + category.length + 8 * 5 + 1;
        ByteBuffer b = ByteBuffer.allocate(size);
        putString(b, id);
        putString(b, name);
        putString(b, email);
        putString(b, city);
        putString(b, category);
        b.putLong(d.age()).putLong(d.score()).putDouble(d.balance()).put((byte) (d.active() ? 1 : 0))
                .putLong(d.created());
        b.putLong(0); // reserved: keeps the size a round number of fields
        return b.array();
    }

    /** Decodes {@link #encode}'s bytes. */
    public static Doc decode(byte[] bytes) {
        return decode(ByteBuffer.wrap(bytes));
    }

    /** Decodes from the buffer's position, advancing it. */
    public static Doc decode(ByteBuffer b) {
        String id = getString(b);
        String name = getString(b);
        String email = getString(b);
        String city = getString(b);
        String category = getString(b);
        long age = b.getLong();
        long score = b.getLong();
        double balance = b.getDouble();
        boolean active = b.get() != 0;
        long created = b.getLong();
        b.getLong();
        return new Doc(id, name, email, city, category, age, score, balance, active, created);
    }

    private static void putString(ByteBuffer b, byte[] s) {
        b.putShort((short) s.length).put(s);
    }

    private static String getString(ByteBuffer b) {
        int length = b.getShort() & 0xFFFF;
        String s = new String(b.array(), b.arrayOffset() + b.position(), length, StandardCharsets.UTF_8);
        b.position(b.position() + length);
        return s;
    }
}
