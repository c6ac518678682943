package io.glen.spring.boot.test.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.core.annotation.MergedAnnotations;

/** Adds {@link DataGlenTest#properties()} and a temporary {@code glen.dir} per test class. */
class DataGlenTestContextBootstrapper extends SpringBootTestContextBootstrapper {

    private static final Map<Class<?>, Path> DIRECTORIES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> DIRECTORIES.values().forEach(
                DataGlenTestContextBootstrapper::deleteQuietly), "glen-test-cleanup"));
    }

    @Override
    protected String[] getProperties(Class<?> testClass) {
        List<String> properties = new ArrayList<>(List.of(MergedAnnotations.from(testClass,
                MergedAnnotations.SearchStrategy.INHERITED_ANNOTATIONS).get(DataGlenTest.class)
                .getValue("properties", String[].class).orElse(new String[0])));
        if (properties.stream().noneMatch(p -> p.startsWith("glen.dir="))) {
            properties.add("glen.dir=" + DIRECTORIES.computeIfAbsent(testClass, c -> temporaryDirectory()));
        }
        return properties.toArray(new String[0]);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("glen-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Glen directory", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort at JVM exit.
        }
    }
}
