package io.glen.spring.boot.autoconfigure.data;

import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.repository.GlenRepository;
import io.glen.spring.data.repository.config.EnableGlenRepositories;
import io.glen.spring.data.repository.config.GlenRepositoryConfigurationExtension;
import io.glen.spring.data.repository.support.GlenRepositoryFactoryBean;
import java.lang.annotation.Annotation;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Enables Glen repositories in the application's auto-configuration packages, as
 * {@link EnableGlenRepositories} would, unless the application uses that annotation itself or sets
 * {@code glen.repositories.enabled=false}.
 */
@AutoConfiguration(after = GlenDataAutoConfiguration.class)
@ConditionalOnClass(GlenRepository.class)
@ConditionalOnBean(GlenEntityTemplate.class)
@ConditionalOnMissingBean(GlenRepositoryFactoryBean.class)
@ConditionalOnProperty(prefix = "glen.repositories", name = "enabled", havingValue = "true", matchIfMissing = true)
@Import(GlenRepositoriesAutoConfiguration.Registrar.class)
public final class GlenRepositoriesAutoConfiguration {

    static class Registrar extends AbstractRepositoryConfigurationSourceSupport {

        @Override
        protected Class<? extends Annotation> getAnnotation() {
            return EnableGlenRepositories.class;
        }

        @Override
        protected Class<?> getConfiguration() {
            return Configuration.class;
        }

        @Override
        protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
            return new GlenRepositoryConfigurationExtension();
        }

        @EnableGlenRepositories
        private static final class Configuration {
        }
    }
}
