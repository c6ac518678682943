package io.glen.spring.data.repository.config;

import io.glen.spring.data.aot.GlenRepositoryRegistrationAotProcessor;
import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.core.mapping.Document;
import io.glen.spring.data.repository.GlenRepository;
import io.glen.spring.data.repository.support.GlenRepositoryFactoryBean;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.data.repository.config.AnnotationRepositoryConfigurationSource;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;

/** Glen's Spring Data repository configuration: module name, factory bean, entity template reference. */
public class GlenRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

    @Override
    public String getModuleName() {
        return "Glen";
    }

    // Still abstract in Spring Data 4 although deprecated: it has to be implemented.
    @Override
    @SuppressWarnings("deprecation")
    protected String getModulePrefix() {
        return "glen";
    }

    @Override
    public Class<? extends BeanRegistrationAotProcessor> getRepositoryAotProcessor() {
        return GlenRepositoryRegistrationAotProcessor.class;
    }

    @Override
    public String getRepositoryFactoryBeanClassName() {
        return GlenRepositoryFactoryBean.class.getName();
    }

    @Override
    protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
        return List.of(Document.class);
    }

    @Override
    protected Collection<Class<?>> getIdentifyingTypes() {
        return List.of(GlenRepository.class);
    }

    @Override
    public void postProcess(BeanDefinitionBuilder builder, AnnotationRepositoryConfigurationSource config) {
        String ref = config.getAttributes().getString("entityTemplateRef");
        builder.addPropertyValue("entityTemplate", ref.isEmpty() ? new RuntimeBeanReference(GlenEntityTemplate.class)
                : new RuntimeBeanReference(ref));
    }
}
