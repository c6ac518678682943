package io.glen.spring.data.repository.query;

import io.glen.engine.query.Filter;
import io.glen.spring.data.core.GlenEntityTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * A derived query method: the {@link PartTree} of its name becomes a Glen filter
 * ({@link GlenQueryCreator}) and its {@code OrderBy}, {@code Top}/{@code First}, {@code count},
 * {@code exists} and {@code delete} parts the query's order, limit and kind.
 */
public class GlenPartTreeQuery extends AbstractGlenQuery {

    private final PartTree tree;

    /** A query for {@code method} of a repository run on {@code template}. */
    public GlenPartTreeQuery(QueryMethod method, GlenEntityTemplate template) {
        super(method, template);
        this.tree = new PartTree(method.getName(), getDomainType());
    }

    @Override
    protected Filter createFilter(ParametersParameterAccessor accessor, Object[] arguments) {
        return new GlenQueryCreator(tree, accessor, getTemplate()).createQuery();
    }

    @Override
    protected Sort getStaticSort(ParametersParameterAccessor accessor) {
        return tree.getSort();
    }

    @Override
    protected @Nullable Integer getMaxResults() {
        return tree.getMaxResults();
    }

    @Override
    protected boolean isCountQuery() {
        return tree.isCountProjection();
    }

    @Override
    protected boolean isExistsQuery() {
        return tree.isExistsProjection();
    }

    @Override
    protected boolean isDeleteQuery() {
        return tree.isDelete();
    }
}
