package com.example.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Quick start shows this module's files exactly as they are, so it cannot rot. */
class QuickStartReadmeTest {

    private static final Path README = Path.of("..", "README.md");

    private static String quickStart() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Quick start");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("README has a Quick start section").isNotNegative();
        return readme.substring(start, end);
    }

    @Test
    void everyJavaBlockIsTheFileItNames() throws IOException {
        Matcher blocks = Pattern.compile("```java\n// (\\S+)\n(.*?)\n```", Pattern.DOTALL).matcher(quickStart());
        Map<String, String> shown = new LinkedHashMap<>();
        while (blocks.find()) {
            shown.put(blocks.group(1), blocks.group(2));
        }

        assertThat(shown).containsOnlyKeys("src/main/java/com/example/sensors/Reading.java",
                "src/main/java/com/example/sensors/ReadingRepository.java",
                "src/main/java/com/example/sensors/HeatAlerts.java",
                "src/main/java/com/example/sensors/ReadingController.java",
                "src/main/java/com/example/sensors/SensorApplication.java",
                "src/test/java/com/example/sensors/ReadingRepositoryTest.java");
        for (Map.Entry<String, String> block : shown.entrySet()) {
            assertThat(block.getValue()).as(block.getKey())
                    .isEqualTo(Files.readString(Path.of(block.getKey())).stripTrailing());
        }
    }

    @Test
    void theYamlIsTheApplicationsConfiguration() throws IOException {
        assertThat(quickStart()).contains("```yaml\n" + Files.readString(Path.of("src/main/resources/application.yml"))
                + "```");
    }

    @Test
    void theDependencyIsTheStarterThisModuleUses() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<artifactId>glen-spring-boot-starter</artifactId>\n    </dependency>");
        assertThat(quickStart()).contains("<artifactId>glen-spring-boot-starter</artifactId>\n  <version>0.1.0-SNAPSHOT</version>\n</dependency>");
    }
}
