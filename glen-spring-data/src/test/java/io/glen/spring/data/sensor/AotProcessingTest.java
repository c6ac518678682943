package io.glen.spring.data.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.spring.data.core.mapping.Document;
import io.glen.spring.data.repository.support.GlenRepositoryFactoryBean;
import io.glen.spring.data.repository.support.SimpleGlenRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;

/**
 * Spring's AOT processing of an application with Glen repositories (no GraalVM needed): the
 * generated bean registrations and the runtime hints a native image would be built with.
 */
class AotProcessingTest {

    private final InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
    private RuntimeHints hints;

    @BeforeEach
    void processAheadOfTime() {
        DefaultGenerationContext generation = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get("io.glen.aot", "Sensors")), files);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(SensorConfiguration.class);
            new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
        }
        generation.writeGeneratedContent();
        hints = generation.getRuntimeHints();
    }

    @Test
    void theRepositoryIsRegisteredThroughGlensFactoryBeanInGeneratedCode() throws IOException {
        String code = String.join("\n", sources());

        assertThat(code).contains("readingRepository").contains(GlenRepositoryFactoryBean.class.getSimpleName())
                .contains(ReadingRepository.class.getName().replace('$', '.'));
    }

    @Test
    void theRepositoryBaseClassAndFactoryBeanAreReflectable() {
        assertThat(RuntimeHintsPredicates.reflection().onType(SimpleGlenRepository.class)
                .withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(GlenRepositoryFactoryBean.class)).accepts(hints);
    }

    @Test
    void theEntityAndTheMappingAnnotationsAreReflectable() {
        assertThat(RuntimeHintsPredicates.reflection().onType(Reading.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Document.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(TypeReference.of(Document.class))).accepts(hints);
    }

    @Test
    void theRepositoryInterfaceIsProxiable() {
        assertThat(hints.proxies().jdkProxyHints()).anySatisfy(proxy -> assertThat(proxy.getProxiedInterfaces())
                .contains(TypeReference.of(ReadingRepository.class)));
    }

    private List<String> sources() throws IOException {
        List<String> sources = new ArrayList<>();
        for (var entry : files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE).entrySet()) {
            try (InputStream in = entry.getValue().getInputStream()) {
                sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return sources;
    }
}
