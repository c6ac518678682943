package io.glen.spring.data.sensor;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.core.GlenTemplate;
import io.glen.spring.data.core.convert.GlenCustomConversions;
import io.glen.spring.data.core.convert.MappingGlenConverter;
import io.glen.spring.data.core.mapping.GlenMappingContext;
import io.glen.spring.data.event.GlenEventPublisher;
import io.glen.spring.data.repository.config.EnableGlenRepositories;
import io.glen.spring.data.transaction.GlenTransactionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Glen Spring Data on plain Spring, as an application without Spring Boot configures it: a database
 * on a temporary directory, the templates, the transaction manager, change events and
 * {@code @EnableGlenRepositories}.
 */
@Configuration(proxyBeanMethods = false)
@EnableGlenRepositories
@EnableTransactionManagement
public class SensorConfiguration {

    @Bean(destroyMethod = "close")
    GlenDB glenDB(TemporaryDirectory directory) {
        return GlenDB.open(directory.path(), GlenOptions.builder().walSync(WalSyncMode.NONE).build());
    }

    @Bean
    TemporaryDirectory temporaryDirectory() {
        return new TemporaryDirectory();
    }

    @Bean
    MappingGlenConverter mappingGlenConverter() {
        return new MappingGlenConverter(new GlenMappingContext(), new GlenCustomConversions());
    }

    @Bean
    GlenTemplate glenTemplate(GlenDB db, MappingGlenConverter converter) {
        return new GlenTemplate(db, converter, 10);
    }

    @Bean
    GlenEntityTemplate glenEntityTemplate(GlenTemplate template, MappingGlenConverter converter) {
        return new GlenEntityTemplate(template, converter);
    }

    @Bean
    GlenTransactionManager transactionManager(GlenDB db) {
        return new GlenTransactionManager(db);
    }

    @Bean
    GlenEventPublisher glenEventPublisher(GlenDB db, ApplicationEventPublisher publisher,
                                          MappingGlenConverter converter) {
        return new GlenEventPublisher(db, publisher, converter);
    }

    @Bean
    ReadingService readingService(ReadingRepository readings) {
        return new ReadingService(readings);
    }

    /** A directory deleted when the context closes (after the database, which depends on it). */
    static final class TemporaryDirectory implements AutoCloseable {

        private final Path path;

        TemporaryDirectory() {
            try {
                path = Files.createTempDirectory("glen-sensor-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path path() {
            return path;
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> paths = Files.walk(path)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
