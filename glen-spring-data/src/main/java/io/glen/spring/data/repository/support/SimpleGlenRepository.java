package io.glen.spring.data.repository.support;

import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.spring.data.core.ExampleFilters;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.util.function.Function;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Example;
import org.springframework.data.repository.query.FluentQuery;
import io.glen.spring.data.repository.GlenRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.util.Assert;

/**
 * The implementation behind every {@link GlenRepository}: CRUD, paging and sorting on
 * {@link GlenEntityTemplate}.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public class SimpleGlenRepository<T, ID> implements GlenRepository<T, ID> {

    private final EntityInformation<T, ID> information;
    private final GlenEntityTemplate template;
    private final Class<T> type;

    /** A repository of the entity {@code information} describes. */
    public SimpleGlenRepository(EntityInformation<T, ID> information, GlenEntityTemplate template) {
        Assert.notNull(information, "EntityInformation must not be null");
        Assert.notNull(template, "GlenEntityTemplate must not be null");
        this.information = information;
        this.template = template;
        this.type = information.getJavaType();
    }

    @Override
    public <S extends T> S save(S entity) {
        return template.save(entity);
    }

    @Override
    public <S extends T> List<S> saveAll(Iterable<S> entities) {
        Assert.notNull(entities, "entities must not be null");
        List<S> saved = new ArrayList<>();
        for (S entity : entities) {
            saved.add(template.save(entity));
        }
        return saved;
    }

    @Override
    public Optional<T> findById(ID id) {
        return template.findById(id, type);
    }

    @Override
    public boolean existsById(ID id) {
        return template.existsById(id, type);
    }

    @Override
    public List<T> findAll() {
        return template.find(type, q -> q);
    }

    @Override
    public List<T> findAllById(Iterable<ID> ids) {
        Assert.notNull(ids, "ids must not be null");
        return template.findAllById(ids, type);
    }

    @Override
    public long count() {
        return template.count(type);
    }

    @Override
    public void deleteById(ID id) {
        template.deleteById(id, type);
    }

    @Override
    public void delete(T entity) {
        template.delete(entity);
    }

    @Override
    public void deleteAllById(Iterable<? extends ID> ids) {
        Assert.notNull(ids, "ids must not be null");
        for (ID id : ids) {
            template.deleteById(id, type);
        }
    }

    @Override
    public void deleteAll(Iterable<? extends T> entities) {
        Assert.notNull(entities, "entities must not be null");
        for (T entity : entities) {
            template.delete(entity);
        }
    }

    @Override
    public void deleteAll() {
        template.deleteAll(type);
    }

    @Override
    public List<T> findAll(Sort sort) {
        Assert.notNull(sort, "sort must not be null");
        return template.find(type, q -> template.applySort(q, type, sort));
    }

    @Override
    public Page<T> findAll(Pageable pageable) {
        Assert.notNull(pageable, "pageable must not be null");
        if (pageable.isUnpaged()) {
            return PageableExecutionUtils.getPage(findAll(pageable.getSort()), pageable, this::count);
        }
        List<T> content = template.find(type, q -> template.applySort(q, type, pageable.getSort())
                .offset(pageable.getOffset()).limit(pageable.getPageSize()));
        return PageableExecutionUtils.getPage(content, pageable, this::count);
    }

    // ------------------------------------------------------------------ query by example

    @Override
    public <S extends T> Optional<S> findOne(Example<S> example) {
        List<S> found = findAll(example, Sort.unsorted(), 2);
        if (found.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(1, found.size());
        }
        return found.stream().findFirst();
    }

    @Override
    public <S extends T> List<S> findAll(Example<S> example) {
        return findAll(example, Sort.unsorted(), -1);
    }

    @Override
    public <S extends T> List<S> findAll(Example<S> example, Sort sort) {
        return findAll(example, sort, -1);
    }

    @Override
    public <S extends T> Page<S> findAll(Example<S> example, Pageable pageable) {
        Filter filter = ExampleFilters.toFilter(example, template);
        Class<S> probeType = example.getProbeType();
        if (pageable.isUnpaged()) {
            return PageableExecutionUtils.getPage(findAll(example, pageable.getSort()), pageable, () -> count(example));
        }
        List<S> content = template.find(probeType, q -> template.applySort(q.where(filter), probeType, pageable.getSort())
                .offset(pageable.getOffset()).limit(pageable.getPageSize()));
        return PageableExecutionUtils.getPage(content, pageable, () -> count(example));
    }

    @Override
    public <S extends T> long count(Example<S> example) {
        return template.count(example.getProbeType(), ExampleFilters.toFilter(example, template));
    }

    @Override
    public <S extends T> boolean exists(Example<S> example) {
        return template.exists(example.getProbeType(), ExampleFilters.toFilter(example, template));
    }

    @Override
    public <S extends T, R> R findBy(Example<S> example, Function<FluentQuery.FetchableFluentQuery<S>, R> query) {
        Assert.notNull(query, "query function must not be null");
        Class<S> probeType = example.getProbeType();
        return query.apply(new ExampleFluentQuery<>(template, probeType, probeType,
                ExampleFilters.toFilter(example, template), Sort.unsorted(), -1));
    }

    private <S extends T> List<S> findAll(Example<S> example, Sort sort, int limit) {
        Assert.notNull(example, "example must not be null");
        Filter filter = ExampleFilters.toFilter(example, template);
        Class<S> probeType = example.getProbeType();
        return template.find(probeType, q -> {
            Query query = template.applySort(q.where(filter), probeType, sort);
            return limit > 0 ? query.limit(limit) : query;
        });
    }

    /** The entity information. */
    protected EntityInformation<T, ID> getEntityInformation() {
        return information;
    }
}
