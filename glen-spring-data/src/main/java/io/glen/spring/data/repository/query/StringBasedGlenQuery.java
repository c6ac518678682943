package io.glen.spring.data.repository.query;

import io.glen.engine.Document;
import io.glen.engine.query.Filter;
import io.glen.engine.value.ObjectBuilder;
import io.glen.engine.value.ObjectValue;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.repository.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;
import org.springframework.data.expression.ValueEvaluationContextProvider;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.ValueExpressionDelegate;

/**
 * A query method annotated with {@link Query}: its JSON filter, parsed and checked when the
 * repository is created, bound to the arguments of each call and run by the engine's planner like a
 * derived query.
 */
public class StringBasedGlenQuery extends AbstractGlenQuery {

    private final Query annotation;
    private final JsonFilterBuilder filter;
    private final Sort sort;
    private final @Nullable Set<String> fields;
    private final ValueExpressionDelegate expressions;
    private final ValueEvaluationContextProvider contextProvider;

    /**
     * A query for {@code method}, annotated with {@code annotation}.
     *
     * @throws JsonQuerySyntaxException naming the method, the mistake and its position
     */
    public StringBasedGlenQuery(QueryMethod method, Query annotation, GlenEntityTemplate template,
                                ValueExpressionDelegate expressions) {
        super(method, template);
        this.annotation = annotation;
        this.expressions = expressions;
        this.contextProvider = expressions.createValueContextProvider(method.getParameters());
        try {
            this.filter = new JsonFilterBuilder(annotation.value(), JsonQueryParser.parseObject(annotation.value()),
                    template, getDomainType());
            this.filter.validate(method.getParameters().getBindableParameters().getNumberOfParameters());
            this.sort = JsonSortAndFields.sort(annotation.sort(), template, getDomainType());
            this.fields = JsonSortAndFields.fields(annotation.fields(), template, getDomainType());
        } catch (InvalidDataAccessApiUsageException e) {
            throw new InvalidDataAccessApiUsageException("@Query of " + method + ": " + e.getMessage(), e);
        }
        if (countOf(annotation.count(), annotation.exists(), annotation.delete()) > 1) {
            throw new InvalidDataAccessApiUsageException("@Query of " + method
                    + ": count, exists and delete exclude each other");
        }
    }

    private static int countOf(boolean... flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }

    @Override
    protected Filter createFilter(ParametersParameterAccessor accessor, Object[] arguments) {
        return filter.build(node -> {
            if (node instanceof JsonNode.Parameter p) {
                return accessor.getBindableValue(p.index());
            }
            String expression = ((JsonNode.Expression) node).expression();
            return expressions.parse(expression).evaluate(contextProvider.getEvaluationContext(arguments));
        });
    }

    @Override
    protected Sort getStaticSort(ParametersParameterAccessor accessor) {
        return sort;
    }

    @Override
    protected @Nullable Integer getMaxResults() {
        return null;
    }

    @Override
    protected boolean isCountQuery() {
        return annotation.count();
    }

    @Override
    protected boolean isExistsQuery() {
        return annotation.exists();
    }

    @Override
    protected boolean isDeleteQuery() {
        return annotation.delete();
    }

    @Override
    protected List<Document> shape(List<Document> documents) {
        Set<String> kept = fields;
        if (kept == null) {
            return documents;
        }
        List<Document> shaped = new ArrayList<>(documents.size());
        for (Document document : documents) {
            ObjectBuilder builder = Value.object();
            if (document.value() instanceof ObjectValue object) {
                for (int i = 0; i < object.size(); i++) {
                    if (kept.contains(object.nameAt(i))) {
                        builder.put(object.nameAt(i), object.valueAt(i));
                    }
                }
            }
            shaped.add(new Document(document.collection(), document.id(), document.version(), builder.build()));
        }
        return shaped;
    }
}
