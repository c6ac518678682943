package io.glen.spring.boot.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenDB;
import io.glen.engine.value.Value;
import io.glen.spring.boot.autoconfigure.GlenAutoConfiguration;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** Startup failures end in Spring Boot's "APPLICATION FAILED TO START" report with a Description and an Action. */
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalyzersTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryOpenElsewhereIsReportedAsLocked(CapturedOutput output) {
        GlenDB other = GlenDB.open(dir);
        try {
            assertThatThrownBy(() -> start("glen.dir=" + dir)).isNotNull();
        } finally {
            other.close();
        }
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The Glen data directory " + dir.toAbsolutePath().normalize() + " is locked")
                .contains("Action:").contains("Stop the other process");
    }

    @Test
    void anInvalidCollectionNameInGlenIndexesIsReportedWithTheRule(CapturedOutput output) {
        assertThatThrownBy(() -> start("glen.dir=" + dir, "glen.indexes.[bad..name].by_x[0]=x")).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("glen.indexes.bad..name names the collection 'bad..name', which Glen cannot use")
                .contains("must not contain '..'").contains("Rename the collection");
    }

    @Test
    void aCorruptWriteAheadLogNamesTheFileOffsetAndTheSalvageOption(CapturedOutput output) throws IOException {
        try (GlenDB db = GlenDB.open(dir)) {
            for (int i = 0; i < 200; i++) {
                db.put("c", "k" + i, Value.of("value-" + i));
            }
        }
        Path wal;
        try (Stream<Path> files = Files.list(dir)) {
            wal = files.filter(p -> p.getFileName().toString().startsWith("glen.wal")).findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(wal.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0xFF);
        }

        assertThatThrownBy(() -> start("glen.dir=" + dir)).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START").contains("The Glen write-ahead log is corrupt in "
                + wal).contains("glen.wal.salvage=true");
    }

    @Test
    void anUnknownSyncModeNamesThePropertyAndItsValue(CapturedOutput output) {
        assertThatThrownBy(() -> start("glen.dir=" + dir, "glen.wal.sync=sometimes")).isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START").contains("Invalid Glen setting glen.wal.sync = 'sometimes'")
                .contains("glen.wal.sync is always, interval or none");
    }

    @Test
    void aValueGlenRejectsNamesEveryInvalidProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start("glen.dir=" + dir, "glen.cache.capacity=-1MB", "glen.events.max-queued=0"))
                .isNotNull();

        assertThat(output).contains("APPLICATION FAILED TO START").contains("Invalid Glen settings:")
                .contains("glen.cache.capacity must not be negative").contains("glen.events.max-queued must be positive");
    }

    private static void start(String... properties) {
        new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(properties).run().close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(GlenAutoConfiguration.class)
    static class App {
    }
}
