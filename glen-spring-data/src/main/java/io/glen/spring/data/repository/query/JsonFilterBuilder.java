package io.glen.spring.data.repository.query;

import io.glen.engine.query.Filter;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.core.PropertyReferenceException;

/**
 * Turns a parsed {@code @Query} filter into an engine {@link Filter}: keys are property paths
 * (mapped to stored field paths), values literals or bound parameters converted as the entity's
 * properties are. {@link #validate} runs the same translation without arguments when the
 * repository is created, so an unknown operator or property fails at startup.
 */
final class JsonFilterBuilder {

    private final String text;
    private final JsonNode.Object root;
    private final GlenEntityTemplate template;
    private final Class<?> domainType;

    JsonFilterBuilder(String text, JsonNode.Object root, GlenEntityTemplate template, Class<?> domainType) {
        this.text = text;
        this.root = root;
        this.template = template;
        this.domainType = domainType;
    }

    /** Checks operators, properties and that every placeholder has a parameter. */
    void validate(int bindableParameters) {
        build(node -> {
            if (node instanceof JsonNode.Parameter p && p.index() >= bindableParameters) {
                throw error(p, "placeholder ?" + p.index() + " but the method has " + bindableParameters
                        + " bindable parameter(s)");
            }
            return Unbound.INSTANCE;
        });
    }

    /** The filter, with {@code bind} giving the Java value of each placeholder and expression. */
    Filter build(Function<JsonNode, @Nullable Object> bind) {
        return object(root, bind);
    }

    private Filter object(JsonNode.Object object, Function<JsonNode, @Nullable Object> bind) {
        List<Filter> parts = new ArrayList<>();
        for (JsonNode.Member member : object.members()) {
            String key = member.key();
            switch (key) {
                case "$and" -> parts.add(Filter.and(filters(member, bind)));
                case "$or" -> parts.add(Filter.or(filters(member, bind)));
                case "$nor" -> parts.add(Filter.not(Filter.or(filters(member, bind))));
                default -> {
                    if (key.startsWith("$")) {
                        throw error(member.position(), "unknown top-level operator '" + key
                                + "' (expected $and, $or or $nor)");
                    }
                    parts.add(field(member, path(member), bind));
                }
            }
        }
        if (parts.isEmpty()) {
            return Filter.all();
        }
        return parts.size() == 1 ? parts.get(0) : Filter.and(parts.toArray(new Filter[0]));
    }

    private Filter[] filters(JsonNode.Member member, Function<JsonNode, @Nullable Object> bind) {
        if (!(member.value() instanceof JsonNode.Array array) || array.elements().isEmpty()) {
            throw error(member.value(), member.key() + " expects a non-empty list of filters");
        }
        List<Filter> filters = new ArrayList<>();
        for (JsonNode element : array.elements()) {
            if (!(element instanceof JsonNode.Object object)) {
                throw error(element, member.key() + " expects filters (objects)");
            }
            filters.add(object(object, bind));
        }
        return filters.toArray(new Filter[0]);
    }

    private Filter field(JsonNode.Member member, String path, Function<JsonNode, @Nullable Object> bind) {
        if (member.value() instanceof JsonNode.Object operators && !operators.members().isEmpty()
                && operators.members().get(0).key().startsWith("$")) {
            return operators(operators, path, bind);
        }
        return Filter.eq(path, value(member.value(), bind));
    }

    private Filter operators(JsonNode.Object operators, String path, Function<JsonNode, @Nullable Object> bind) {
        List<Filter> parts = new ArrayList<>();
        String options = "";
        for (JsonNode.Member op : operators.members()) {
            if (op.key().equals("$options")) {
                options = string(op.value(), bind, "$options");
            }
        }
        for (JsonNode.Member op : operators.members()) {
            JsonNode operand = op.value();
            switch (op.key()) {
                case "$eq" -> parts.add(Filter.eq(path, value(operand, bind)));
                case "$ne" -> parts.add(Filter.ne(path, value(operand, bind)));
                case "$gt" -> parts.add(Filter.gt(path, value(operand, bind)));
                case "$gte" -> parts.add(Filter.gte(path, value(operand, bind)));
                case "$lt" -> parts.add(Filter.lt(path, value(operand, bind)));
                case "$lte" -> parts.add(Filter.lte(path, value(operand, bind)));
                case "$in" -> parts.add(Filter.in(path, values(op, bind)));
                case "$nin" -> parts.add(Filter.notIn(path, values(op, bind)));
                case "$exists" -> parts.add(bool(operand, bind) ? Filter.exists(path) : Filter.notExists(path));
                // $regex finds the pattern anywhere, as MongoDB's does; the engine matches whole strings.
                case "$regex" -> parts.add(Filter.matches(path, flags(options, op) + "(?s:.*?)(?:"
                        + string(operand, bind, "$regex") + ")(?s:.*)"));
                case "$options" -> {
                    // read with $regex
                }
                case "$not" -> {
                    if (!(operand instanceof JsonNode.Object inner) || inner.members().isEmpty()) {
                        throw error(operand, "$not expects an object of operators");
                    }
                    parts.add(Filter.not(operators(inner, path, bind)));
                }
                default -> throw error(op.position(), "unknown operator '" + op.key() + "' (expected $eq, $ne, $gt,"
                        + " $gte, $lt, $lte, $in, $nin, $exists, $regex, $options or $not)");
            }
        }
        if (parts.isEmpty()) {
            throw error(operators, "$options needs a $regex");
        }
        return parts.size() == 1 ? parts.get(0) : Filter.and(parts.toArray(new Filter[0]));
    }

    private String flags(String options, JsonNode.Member regex) {
        StringBuilder flags = new StringBuilder();
        for (char c : options.toCharArray()) {
            switch (c) {
                case 'i' -> flags.append("iu");
                case 'm', 's', 'x' -> flags.append(c);
                default -> throw error(regex.position(), "unknown $options flag '" + c + "' (expected i, m, s or x)");
            }
        }
        return flags.isEmpty() ? "" : "(?" + flags + ")";
    }

    private String path(JsonNode.Member member) {
        try {
            return template.fieldPath(domainType, member.key());
        } catch (PropertyReferenceException | InvalidDataAccessApiUsageException e) {
            throw error(member.position(), e.getMessage());
        }
    }

    private Value value(JsonNode node, Function<JsonNode, @Nullable Object> bind) {
        if (node instanceof JsonNode.Literal literal) {
            return literal.value();
        }
        if (node instanceof JsonNode.Array array) {
            List<Value> elements = new ArrayList<>();
            array.elements().forEach(element -> elements.add(value(element, bind)));
            return Value.array(elements);
        }
        if (node instanceof JsonNode.Object object) {
            var builder = Value.object();
            object.members().forEach(m -> builder.put(m.key(), value(m.value(), bind)));
            return builder.build();
        }
        return bound(bind.apply(node));
    }

    private Value bound(@Nullable Object argument) {
        return argument == Unbound.INSTANCE ? Value.NULL : template.getConverter().writeQueryValue(argument);
    }

    private List<Value> values(JsonNode.Member op, Function<JsonNode, @Nullable Object> bind) {
        JsonNode operand = op.value();
        if (operand instanceof JsonNode.Array array) {
            List<Value> values = new ArrayList<>();
            array.elements().forEach(element -> values.add(value(element, bind)));
            return values;
        }
        if (operand instanceof JsonNode.Literal) {
            throw error(operand, op.key() + " expects a list or a parameter");
        }
        Object argument = bind.apply(operand);
        List<Value> values = new ArrayList<>();
        if (argument == Unbound.INSTANCE) {
            return values;
        }
        if (argument instanceof Iterable<?> iterable) {
            iterable.forEach(element -> values.add(template.getConverter().writeQueryValue(element)));
        } else if (argument instanceof Object[] array) {
            for (Object element : array) {
                values.add(template.getConverter().writeQueryValue(element));
            }
        } else {
            throw new InvalidDataAccessApiUsageException(op.key() + " at position " + operand.position()
                    + " of the @Query needs a collection or array argument, got " + argument);
        }
        return values;
    }

    private boolean bool(JsonNode node, Function<JsonNode, @Nullable Object> bind) {
        Value value = value(node, bind);
        if (value.kind() == ValueKind.BOOL) {
            return value.asBoolean();
        }
        if (value.isNull() && !(node instanceof JsonNode.Literal)) {
            return true; // unbound while validating
        }
        throw error(node, "$exists expects true or false");
    }

    private String string(JsonNode node, Function<JsonNode, @Nullable Object> bind, String operator) {
        Value value = value(node, bind);
        if (value.kind() == ValueKind.STRING) {
            return value.asString();
        }
        if (value.isNull() && !(node instanceof JsonNode.Literal)) {
            return ""; // unbound while validating
        }
        throw error(node, operator + " expects a string");
    }

    private JsonQuerySyntaxException error(JsonNode node, String problem) {
        return error(node.position(), problem);
    }

    private JsonQuerySyntaxException error(int position, String problem) {
        return new JsonQuerySyntaxException(problem, text, position);
    }

    /** What placeholders stand for while validating. */
    private enum Unbound {
        INSTANCE
    }
}
