package io.glen.spring.data.repository.support;

import io.glen.spring.data.core.GlenEntityTemplate;
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

    /** The entity information. */
    protected EntityInformation<T, ID> getEntityInformation() {
        return information;
    }
}
