package io.glen.spring.data.repository.query;

import io.glen.engine.query.Filter;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.ParameterAccessor;
import org.springframework.data.repository.query.parser.AbstractQueryCreator;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Turns a derived query method's {@link PartTree} into a Glen {@link Filter}. Property paths become
 * stored field paths; arguments are converted as the entity's properties are (so an enum argument
 * becomes its name, an {@code Instant} its stored string). The engine's planner then picks an
 * index for the filter; nothing is filtered or sorted in the Spring layer.
 */
public class GlenQueryCreator extends AbstractQueryCreator<Filter, Filter> {

    private final GlenEntityTemplate template;

    /** A creator for {@code tree} with the method's arguments. */
    public GlenQueryCreator(PartTree tree, ParameterAccessor parameters, GlenEntityTemplate template) {
        super(tree, parameters);
        this.template = template;
    }

    @Override
    protected Filter create(Part part, Iterator<Object> arguments) {
        String path = template.fieldPath(part.getProperty());
        boolean ignoreCase = part.shouldIgnoreCase() != Part.IgnoreCaseType.NEVER
                && String.class.equals(part.getProperty().getLeafProperty().getType());
        switch (part.getType()) {
            case SIMPLE_PROPERTY:
                return ignoreCase ? Filter.matches(path, "(?iu)" + Pattern.quote(string(arguments.next())))
                        : Filter.eq(path, value(arguments.next()));
            case NEGATING_SIMPLE_PROPERTY:
                return ignoreCase ? Filter.not(Filter.matches(path, "(?iu)" + Pattern.quote(string(arguments.next()))))
                        : Filter.ne(path, value(arguments.next()));
            case TRUE:
                return Filter.eq(path, true);
            case FALSE:
                return Filter.eq(path, false);
            case IS_NULL:
                return Filter.or(Filter.notExists(path), Filter.eq(path, Value.NULL));
            case IS_NOT_NULL:
                return Filter.and(Filter.exists(path), Filter.ne(path, Value.NULL));
            case EXISTS:
                return Filter.exists(path);
            case IN:
                return Filter.in(path, values(arguments.next()));
            case NOT_IN:
                return Filter.notIn(path, values(arguments.next()));
            case GREATER_THAN:
            case AFTER:
                return Filter.gt(path, value(arguments.next()));
            case GREATER_THAN_EQUAL:
                return Filter.gte(path, value(arguments.next()));
            case LESS_THAN:
            case BEFORE:
                return Filter.lt(path, value(arguments.next()));
            case LESS_THAN_EQUAL:
                return Filter.lte(path, value(arguments.next()));
            case BETWEEN:
                return between(path, arguments);
            case STARTING_WITH:
                return ignoreCase ? Filter.matches(path, "(?iu)" + Pattern.quote(string(arguments.next())) + ".*")
                        : Filter.startsWith(path, string(arguments.next()));
            case ENDING_WITH:
                return ignoreCase ? Filter.matches(path, "(?iu).*" + Pattern.quote(string(arguments.next())))
                        : Filter.endsWith(path, string(arguments.next()));
            case CONTAINING:
                return containing(part, path, arguments.next(), ignoreCase);
            case NOT_CONTAINING:
                return Filter.not(containing(part, path, arguments.next(), ignoreCase));
            case LIKE:
                return Filter.matches(path, (ignoreCase ? "(?iu)" : "") + like(string(arguments.next())));
            case NOT_LIKE:
                return Filter.not(Filter.matches(path, (ignoreCase ? "(?iu)" : "") + like(string(arguments.next()))));
            case REGEX:
                return Filter.matches(path, string(arguments.next()));
            case IS_EMPTY:
                return Filter.or(Filter.notExists(path), Filter.eq(path, Value.array()), Filter.eq(path, ""),
                        Filter.eq(path, Value.object().build()));
            case IS_NOT_EMPTY:
                return Filter.not(Filter.or(Filter.notExists(path), Filter.eq(path, Value.array()),
                        Filter.eq(path, ""), Filter.eq(path, Value.object().build())));
            default:
                throw new InvalidDataAccessApiUsageException("Glen does not support the query keyword "
                        + part.getType() + " (in " + part + "); geo keywords such as Near and Within are not supported");
        }
    }

    @Override
    protected Filter and(Part part, Filter base, Iterator<Object> arguments) {
        return Filter.and(base, create(part, arguments));
    }

    @Override
    protected Filter or(Filter base, Filter criteria) {
        return Filter.or(base, criteria);
    }

    @Override
    protected Filter complete(@Nullable Filter criteria, Sort sort) {
        return criteria == null ? Filter.all() : criteria;
    }

    private Filter between(String path, Iterator<Object> arguments) {
        Object first = arguments.next();
        if (first instanceof Range<?> range) {
            Filter filter = Filter.all();
            Range.Bound<?> lower = range.getLowerBound();
            Range.Bound<?> upper = range.getUpperBound();
            if (lower.getValue().isPresent()) {
                Value v = value(lower.getValue().get());
                filter = filter.and(lower.isInclusive() ? Filter.gte(path, v) : Filter.gt(path, v));
            }
            if (upper.getValue().isPresent()) {
                Value v = value(upper.getValue().get());
                filter = filter.and(upper.isInclusive() ? Filter.lte(path, v) : Filter.lt(path, v));
            }
            return filter;
        }
        return Filter.and(Filter.gte(path, value(first)), Filter.lte(path, value(arguments.next())));
    }

    private Filter containing(Part part, String path, Object argument, boolean ignoreCase) {
        Class<?> propertyType = part.getProperty().getLeafProperty().getType();
        if (Collection.class.isAssignableFrom(propertyType) || propertyType.isArray()) {
            return Filter.eq(path, value(argument));
        }
        String text = string(argument);
        return ignoreCase ? Filter.matches(path, "(?iu).*" + Pattern.quote(text) + ".*") : Filter.contains(path, text);
    }

    /** SQL-style LIKE: {@code %} and {@code *} match any run, {@code _} one character; the rest is literal. */
    static String like(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%' || c == '*' || c == '_') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '_' ? "." : ".*");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }

    private Value value(@Nullable Object argument) {
        return template.getConverter().writeQueryValue(argument);
    }

    private List<Value> values(@Nullable Object argument) {
        List<Value> values = new ArrayList<>();
        if (argument instanceof Iterable<?> iterable) {
            for (Object element : iterable) {
                values.add(value(element));
            }
        } else if (argument instanceof Object[] array) {
            for (Object element : array) {
                values.add(value(element));
            }
        } else {
            values.add(value(argument));
        }
        return values;
    }

    private String string(@Nullable Object argument) {
        if (argument == null) {
            throw new InvalidDataAccessApiUsageException("a string query argument must not be null");
        }
        Value v = value(argument);
        return v.kind() == io.glen.engine.value.ValueKind.STRING ? v.asString() : argument.toString();
    }
}
