package io.glen.spring.data.repository.support;

import io.glen.spring.data.core.GlenEntityTemplate;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.util.Assert;

/**
 * The factory bean behind each Glen repository interface.
 *
 * @param <T> the repository type
 * @param <S> the entity type
 * @param <ID> the id type
 */
public class GlenRepositoryFactoryBean<T extends Repository<S, ID>, S, ID> extends RepositoryFactoryBeanSupport<T, S, ID> {

    private GlenEntityTemplate entityTemplate;

    /** A factory bean for {@code repositoryInterface}. */
    public GlenRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
        super(repositoryInterface);
    }

    /** The entity template repositories run on. */
    public void setEntityTemplate(GlenEntityTemplate entityTemplate) {
        this.entityTemplate = entityTemplate;
        setMappingContext(entityTemplate.getMappingContext());
    }

    @Override
    protected RepositoryFactorySupport createRepositoryFactory() {
        return new GlenRepositoryFactory(entityTemplate);
    }

    @Override
    public void afterPropertiesSet() {
        Assert.state(entityTemplate != null, "GlenEntityTemplate must be set");
        super.afterPropertiesSet();
    }
}
