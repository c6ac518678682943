package io.glen.spring.data.aot;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.data.repository.aot.generate.RepositoryContributor;
import org.springframework.data.repository.config.AotRepositoryContext;
import org.springframework.data.repository.config.RepositoryRegistrationAotProcessor;
import org.springframework.data.util.TypeContributor;

/**
 * AOT processing of Glen repositories: besides what Spring Data contributes for every repository
 * (its interface, fragments and domain types), the entity types and the types they reach are
 * registered for reflection with their Glen mapping annotations, since {@code MappingGlenConverter}
 * reads and writes their properties reflectively. Glen contributes no generated repository
 * implementation: query methods run through {@code GlenPartTreeQuery} and {@code StringBasedGlenQuery}
 * at runtime, so {@link #contributeAotRepository} returns null.
 */
public class GlenRepositoryRegistrationAotProcessor extends RepositoryRegistrationAotProcessor {

    private static final String GLEN_NAMESPACE = "io.glen.spring.data";

    @Override
    protected void configureTypeContributions(AotRepositoryContext repositoryContext,
                                              GenerationContext generationContext) {
        super.configureTypeContributions(repositoryContext, generationContext);
        repositoryContext.getResolvedTypes().stream().filter(type -> !type.getName().startsWith("java."))
                .forEach(type -> TypeContributor.contribute(type,
                        annotation -> TypeContributor.isPartOfOrMetaAnnotatedWith(annotation,
                                java.util.Set.of(TypeContributor.DATA_NAMESPACE, GLEN_NAMESPACE)),
                        generationContext));
    }

    @Override
    protected @Nullable RepositoryContributor contributeAotRepository(AotRepositoryContext repositoryContext) {
        return null;
    }
}
