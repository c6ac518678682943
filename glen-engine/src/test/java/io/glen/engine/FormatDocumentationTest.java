package io.glen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.internal.codec.LittleEndian;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import io.glen.engine.internal.wal.WalEntry;
import io.glen.engine.internal.wal.WalOp;
import io.glen.engine.internal.wal.WalRecordCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the bytes that {@code glen-engine/FORMAT.md} describes against what the code writes. */
class FormatDocumentationTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @TempDir
    Path dir;

    @Test
    void valueExampleEncodesAsDocumented() {
        Value value = Value.object().put("b", Value.array(Value.TRUE, Value.of("x"))).put("a", 1).build();
        assertThat(HEX.formatHex(ValueCodec.encode(value)))
                .isEqualTo("08 02 01 61 03 02 01 62 07 02 02 05 01 78");
    }

    @Test
    void everyNanIsStoredAsTheCanonicalBits() {
        double otherNan = Double.longBitsToDouble(0x7FF0000000000001L);
        assertThat(HEX.formatHex(ValueCodec.encode(Value.of(otherNan))))
                .isEqualTo("04 00 00 00 00 00 00 f8 7f");
    }

    @Test
    void walFileStartsWithTheDocumentedHeaderAndFrame() throws IOException {
        try (GlenDB db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.ALWAYS).build())) {
            db.put("c", "d", Value.of(5));
        }
        byte[] wal = Files.readAllBytes(dir.resolve("glen.wal.0"));
        assertThat(LittleEndian.getInt(wal, 0)).isEqualTo(0x4C574C47);
        assertThat(new String(wal, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GLWL");
        assertThat(LittleEndian.getInt(wal, 4)).isEqualTo(1);
        assertThat(LittleEndian.getLong(wal, 8)).isEqualTo(0);
        assertThat(LittleEndian.getInt(wal, 16)).isEqualTo(crc(wal, 0, 16));

        // frame: bodyLen | crc | type 1, lsn 1, count 1, op put, "c", "d", valueLen 2, int 5
        String body = "01 01 01 01 01 63 01 64 02 03 0a";
        byte[] bodyBytes = HEX.parseHex(body);
        assertThat(wal[20]).isEqualTo((byte) bodyBytes.length);
        assertThat(LittleEndian.getInt(wal, 21)).isEqualTo(crc(bodyBytes, 0, bodyBytes.length));
        assertThat(HEX.formatHex(wal, 25, wal.length)).isEqualTo(body);
    }

    @Test
    void frameCodecMatchesTheGrammar() {
        byte[] entries = WalRecordCodec.encodeEntries(List.of(new WalEntry(WalOp.DELETE, "c", "d", null)));
        ByteSink sink = new ByteSink();
        WalRecordCodec.appendFrame(sink, 300, entries);
        // body: type 1, lsn 300 = varuint ac 02, count 1, op 2, "c", "d"
        assertThat(HEX.formatHex(sink.toByteArray(), 5, sink.size())).isEqualTo("01 ac 02 01 02 01 63 01 64");
    }

    @Test
    void snapshotHasTheDocumentedHeaderAndBody() throws IOException {
        try (GlenDB db = GlenDB.open(dir)) {
            db.put("c", "d", Value.of(5));
            db.admin().snapshotAll();
        }
        byte[] snap = Files.readAllBytes(dir.resolve("c.snap"));
        assertThat(new String(snap, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GSNP");
        assertThat(LittleEndian.getInt(snap, 4)).isEqualTo(1);
        assertThat(LittleEndian.getLong(snap, 8)).isEqualTo(1);
        assertThat(LittleEndian.getLong(snap, 16)).isEqualTo(1);
        assertThat(LittleEndian.getLong(snap, 24)).isEqualTo(snap.length - 40);
        assertThat(LittleEndian.getInt(snap, 32)).isEqualTo(crc(snap, 40, snap.length - 40));
        assertThat(LittleEndian.getInt(snap, 36)).isEqualTo(crc(snap, 0, 36));
        // body: "c", then doc "d", version 1, valueLen 2, int 5
        assertThat(HEX.formatHex(snap, 40, snap.length)).isEqualTo("01 63 01 64 01 02 03 0a");
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
