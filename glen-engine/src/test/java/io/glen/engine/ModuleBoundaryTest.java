package io.glen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The engine's module boundary: loaded as the module {@code io.glen.engine} (from the build's
 * classes and its two dependencies), it exports the API packages and nothing under
 * {@code io.glen.engine.internal}, so code outside cannot reach an internal type. And the package
 * dependencies inside stay layered: internals use only the API's vocabulary from the root package
 * (exceptions, options, names), never the facade; snapshots do not depend on the store.
 */
class ModuleBoundaryTest {

    private static final Set<String> API = Set.of("io.glen.engine", "io.glen.engine.events", "io.glen.engine.index",
            "io.glen.engine.io", "io.glen.engine.query", "io.glen.engine.value");

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Module loadEngineModule() throws URISyntaxException {
        ModuleFinder finder = ModuleFinder.of(locationOf(GlenDB.class), locationOf(Caffeine.class),
                locationOf(NullMarked.class));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("io.glen.engine"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        return layer.findModule("io.glen.engine").orElseThrow();
    }

    @Test
    void theModuleExportsExactlyTheApiPackages() throws Exception {
        Module engine = loadEngineModule();
        Set<String> exported = engine.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());

        assertThat(exported).isEqualTo(API);
        assertThat(engine.getPackages()).anyMatch(p -> p.startsWith("io.glen.engine.internal."));
        for (String pkg : engine.getPackages()) {
            assertThat(engine.isExported(pkg)).as(pkg).isEqualTo(API.contains(pkg));
        }
    }

    @Test
    void anInternalTypeIsNotReachableFromOutsideTheModule() throws Exception {
        Module engine = loadEngineModule();
        Class<?> dataStore = Class.forName("io.glen.engine.internal.store.DataStore", false, engine.getClassLoader());
        Class<?> glenDb = Class.forName("io.glen.engine.GlenDB", false, engine.getClassLoader());

        assertThat(dataStore.getModule()).isSameAs(engine);
        assertThat(engine.isExported(dataStore.getPackageName(), getClass().getModule())).isFalse();
        assertThatThrownBy(() -> MethodHandles.publicLookup().findVirtual(dataStore, "lastLsn",
                java.lang.invoke.MethodType.methodType(long.class))).isInstanceOf(IllegalAccessException.class);
        assertThat(MethodHandles.publicLookup().findVirtual(glenDb, "isClosed",
                java.lang.invoke.MethodType.methodType(boolean.class))).isNotNull();
    }

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.glen\\.engine(?:\\.[a-z]+)*)\\.([A-Z]\\w*)",
            Pattern.MULTILINE);

    /** The root-package types internals may use: the API's vocabulary, not the facade. */
    private static final Set<String> ROOT_VOCABULARY = Set.of("GlenException", "GlenStorageException",
            "GlenClosedException", "GlenCorruptionException", "DocumentTooLargeException", "WalSyncMode",
            "GlenOptions", "Names", "CacheStats", "DocumentKey");

    private static List<Path> sources(String pkg) throws IOException {
        Path dir = Path.of("src/main/java").resolve(pkg.replace('.', '/'));
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void internalsUseOnlyTheApiVocabularyOfTheRootPackageAndSnapshotsDoNotDependOnTheStore() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> rootTypesUsed = new TreeSet<>();
        for (Path file : sources("io.glen.engine.internal")) {
            String source = Files.readString(file);
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                String pkg = m.group(1);
                String type = m.group(2);
                if (pkg.equals("io.glen.engine")) {
                    rootTypesUsed.add(type);
                    if (!ROOT_VOCABULARY.contains(type)) {
                        violations.add(file + " uses the facade type " + type);
                    }
                }
                if (file.toString().contains("/internal/snapshot/") && pkg.startsWith("io.glen.engine.internal.store")) {
                    violations.add(file + " depends on the store");
                }
                if (file.toString().contains("/internal/") && pkg.equals("io.glen.engine.tools")) {
                    violations.add(file + " depends on the command-line tool");
                }
            }
        }
        assertThat(violations).isEmpty();
        assertThat(rootTypesUsed).isNotEmpty();
    }
}
