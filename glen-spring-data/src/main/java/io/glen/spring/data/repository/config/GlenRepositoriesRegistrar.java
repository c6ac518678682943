package io.glen.spring.data.repository.config;

import java.lang.annotation.Annotation;
import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/** Registers the repositories {@link EnableGlenRepositories} finds. */
class GlenRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableGlenRepositories.class;
    }

    @Override
    protected RepositoryConfigurationExtension getExtension() {
        return new GlenRepositoryConfigurationExtension();
    }
}
