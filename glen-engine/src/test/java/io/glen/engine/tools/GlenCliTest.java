package io.glen.engine.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlenCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final GlenCli cli = new GlenCli(new PrintStream(buffer, true, StandardCharsets.UTF_8));

    private String output() {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        return text;
    }

    @Test
    void demoWritesDocumentsThatGetAndCollectionsShow() {
        assertThat(cli.run("--dir", dir.toString(), "demo", "50")).isZero();
        assertThat(output()).contains("wrote 50 documents");
        assertThat(cli.run("--dir", dir.toString(), "collections")).isZero();
        assertThat(output()).isEqualTo("sensors\t50" + System.lineSeparator());
        assertThat(cli.run("--dir", dir.toString(), "get", "sensors", "sensor-3")).isZero();
        assertThat(output()).startsWith("v4\t{\"celsius\": ");
    }

    @Test
    void statsListsTheSnapshotsOnDiskAndExplainsDurable() {
        cli.run("--dir", dir.toString(), "demo", "20");
        assertThat(cli.run("--dir", dir.toString(), "stats")).isZero();
        assertThat(output()).contains("snapshots on disk: none").contains("durable");
        cli.run("--dir", dir.toString(), "compact");
        output();

        assertThat(cli.run("--dir", dir.toString(), "stats")).isZero();
        String stats = output();
        assertThat(stats).contains("snapshots on disk:").contains("sensors: 20 documents, covers LSN 20")
                .contains("survives a power loss");
    }

    @Test
    void compactVerifyAndBackupWork() {
        cli.run("--dir", dir.toString(), "demo", "20");
        output();
        assertThat(cli.run("--dir", dir.toString(), "compact")).isZero();
        assertThat(output()).startsWith("compacted up to LSN 20");
        assertThat(cli.run("--dir", dir.toString(), "backup", dir.resolveSibling(dir.getFileName() + "-b").toString())).isZero();
        assertThat(cli.run("--dir", dir.resolveSibling(dir.getFileName() + "-b").toString(), "verify")).isZero();
        assertThat(output()).contains("ok: 1 collections");
    }

    @Test
    void verifyReportsCorruptionWithExitCodeOne() throws Exception {
        cli.run("--dir", dir.toString(), "demo", "5");
        cli.run("--dir", dir.toString(), "snapshot");
        Path snap = dir.resolve("sensors.snap");
        byte[] bytes = Files.readAllBytes(snap);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(snap, bytes);
        output();
        assertThat(cli.run("--dir", dir.toString(), "verify")).isEqualTo(1);
        assertThat(output()).contains("error: snapshot body checksum mismatch").contains("sensors.snap");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(cli.run("--dir", dir.toString(), "explode")).isEqualTo(2);
        assertThat(output()).contains("unknown command 'explode'").contains("usage:");
        assertThat(cli.run("--dir", dir.toString(), "get", "bad/name", "x")).isEqualTo(2);
        assertThat(output()).contains("collection name");
    }
}
