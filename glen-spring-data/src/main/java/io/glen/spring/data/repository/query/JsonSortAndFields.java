package io.glen.spring.data.repository.query;

import io.glen.engine.value.ValueKind;
import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.core.mapping.GlenPersistentProperty;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/** The {@code sort} and {@code fields} of a {@code @Query}: JSON objects of property names to 1, -1 or 0. */
final class JsonSortAndFields {

    private JsonSortAndFields() {
    }

    /** {@code { 'total': -1, 'createdAt': 1 }} as a Sort (unsorted for an empty text). */
    static Sort sort(String text, GlenEntityTemplate template, Class<?> domainType) {
        if (text.isBlank()) {
            return Sort.unsorted();
        }
        List<Sort.Order> orders = new ArrayList<>();
        for (JsonNode.Member member : JsonQueryParser.parseObject(text).members()) {
            long direction = direction(text, member);
            if (direction != 1 && direction != -1) {
                throw new JsonQuerySyntaxException("sort direction must be 1 or -1", text, member.value().position());
            }
            template.sortOrders(domainType, Sort.by(member.key()));
            orders.add(direction == 1 ? Sort.Order.asc(member.key()) : Sort.Order.desc(member.key()));
        }
        Sort sort = Sort.by(orders);
        template.effectiveSort(domainType, sort);
        return sort;
    }

    /**
     * The stored field names {@code { 'customer': 1, 'total': 1 }} keeps, or null to keep all; an
     * exclusion {@code { 'lines': 0 }} keeps every other mapped property.
     */
    static @Nullable Set<String> fields(String text, GlenEntityTemplate template, Class<?> domainType) {
        if (text.isBlank()) {
            return null;
        }
        Set<String> included = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        for (JsonNode.Member member : JsonQueryParser.parseObject(text).members()) {
            if (member.key().contains(".")) {
                throw new JsonQuerySyntaxException("fields name top-level properties only", text, member.position());
            }
            GlenPersistentProperty property = template.entity(domainType).getPersistentProperty(member.key());
            if (property == null) {
                throw new JsonQuerySyntaxException("no property '" + member.key() + "' on " + domainType.getSimpleName(),
                        text, member.position());
            }
            long flag = direction(text, member);
            if (flag == 1) {
                included.add(property.getFieldName());
            } else if (flag == 0) {
                excluded.add(property.getFieldName());
            } else {
                throw new JsonQuerySyntaxException("fields take 1 (include) or 0 (exclude)", text,
                        member.value().position());
            }
        }
        if (!included.isEmpty() && !excluded.isEmpty()) {
            throw new JsonQuerySyntaxException("fields either include (1) or exclude (0), not both", text, 0);
        }
        if (!excluded.isEmpty()) {
            Set<String> kept = new LinkedHashSet<>();
            template.entity(domainType).doWithProperties(
                    (org.springframework.data.mapping.PropertyHandler<GlenPersistentProperty>) p -> kept.add(p.getFieldName()));
            kept.removeAll(excluded);
            return kept;
        }
        return included;
    }

    private static long direction(String text, JsonNode.Member member) {
        if (member.value() instanceof JsonNode.Literal literal && literal.value().kind() == ValueKind.INT) {
            return literal.value().asLong();
        }
        throw new JsonQuerySyntaxException("expected a number", text, member.value().position());
    }
}
