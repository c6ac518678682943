package io.glen.spring.data.repository.support;

import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.core.mapping.GlenPersistentEntity;
import io.glen.spring.data.repository.Query;
import io.glen.spring.data.repository.query.GlenPartTreeQuery;
import io.glen.spring.data.repository.query.StringBasedGlenQuery;
import java.util.Optional;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.PersistentEntityInformation;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.repository.query.DefaultParameters;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.ValueExpressionDelegate;
import org.springframework.util.Assert;

/** Creates {@link io.glen.spring.data.repository.GlenRepository} instances. */
public class GlenRepositoryFactory extends RepositoryFactorySupport {

    private final GlenEntityTemplate template;

    /** A factory of repositories on {@code template}. */
    public GlenRepositoryFactory(GlenEntityTemplate template) {
        Assert.notNull(template, "GlenEntityTemplate must not be null");
        this.template = template;
    }

    @Override
    public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
        return entityInformation(metadata.getDomainType());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EntityInformation<?, ?> entityInformation(Class<?> type) {
        GlenPersistentEntity<?> entity = template.entity(type);
        return new PersistentEntityInformation(entity);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Object getTargetRepository(RepositoryInformation information) {
        return new SimpleGlenRepository(entityInformation(information.getDomainType()), template);
    }

    @Override
    protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
        return SimpleGlenRepository.class;
    }

    @Override
    protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.Key key,
                                                                   ValueExpressionDelegate valueExpressionDelegate) {
        return Optional.of((method, metadata, projectionFactory, namedQueries) -> {
            QueryMethod queryMethod = new QueryMethod(method, metadata, projectionFactory, DefaultParameters::new);
            Query query = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
            return query != null ? new StringBasedGlenQuery(queryMethod, query, template, valueExpressionDelegate)
                    : new GlenPartTreeQuery(queryMethod, template);
        });
    }
}
