package io.glen.spring.data.core;

import io.glen.engine.query.Filter;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.mapping.GlenPersistentEntity;
import io.glen.spring.data.core.mapping.GlenPersistentProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.mapping.PersistentPropertyAccessor;

/**
 * Translates a Query-by-Example probe into a Glen {@link Filter}: every non-null property (and, with
 * {@link ExampleMatcher.NullHandler#INCLUDE}, every null one) becomes a predicate on its stored
 * field, nested objects by their dotted paths; strings follow the matcher's string matching and case
 * rules; the predicates are and-ed ({@code matchingAll}) or or-ed ({@code matchingAny}). The id and
 * version, collections and maps are not matched.
 */
public final class ExampleFilters {

    private ExampleFilters() {
    }

    /** The filter of {@code example}. */
    public static Filter toFilter(Example<?> example, GlenEntityTemplate template) {
        ExampleMatcher matcher = example.getMatcher();
        GlenPersistentEntity<?> entity = template.entity(example.getProbeType());
        List<Filter> filters = new ArrayList<>();
        collect(entity, example.getProbe(), "", "", matcher, template, filters, 0);
        if (filters.isEmpty()) {
            return Filter.all();
        }
        Filter[] array = filters.toArray(new Filter[0]);
        return matcher.isAllMatching() ? Filter.and(array) : Filter.or(array);
    }

    private static void collect(GlenPersistentEntity<?> entity, Object probe, String propertyPrefix, String fieldPrefix,
                                ExampleMatcher matcher, GlenEntityTemplate template, List<Filter> out, int depth) {
        PersistentPropertyAccessor<?> accessor = entity.getPropertyAccessor(probe);
        for (GlenPersistentProperty property : entity) {
            if (property.isIdProperty() || property.isVersionProperty() || property.isCollectionLike()
                    || property.isMap()) {
                continue;
            }
            String propertyPath = propertyPrefix + property.getName();
            String fieldPath = fieldPrefix + property.getFieldName();
            if (matcher.isIgnoredPath(propertyPath)) {
                continue;
            }
            ExampleMatcher.PropertySpecifier specifier = matcher.getPropertySpecifiers().getForPath(propertyPath);
            Object value = accessor.getProperty(property);
            if (specifier != null) {
                value = specifier.getPropertyValueTransformer().apply(Optional.ofNullable(value)).orElse(null);
            }
            if (value == null) {
                if (matcher.getNullHandler() == ExampleMatcher.NullHandler.INCLUDE) {
                    out.add(Filter.or(Filter.notExists(fieldPath), Filter.eq(fieldPath, Value.NULL)));
                }
                continue;
            }
            if (property.isEntity() && depth < 8) {
                GlenPersistentEntity<?> nested = template.getMappingContext().getPersistentEntity(property.getActualType());
                if (nested != null) {
                    collect(nested, value, propertyPath + ".", fieldPath + ".", matcher, template, out, depth + 1);
                    continue;
                }
            }
            if (value instanceof String text) {
                out.add(stringFilter(fieldPath, text, specifier, matcher, propertyPath));
            } else {
                out.add(Filter.eq(fieldPath, template.getConverter().writeQueryValue(value)));
            }
        }
    }

    private static Filter stringFilter(String path, String text, ExampleMatcher.PropertySpecifier specifier,
                                       ExampleMatcher matcher, String propertyPath) {
        ExampleMatcher.StringMatcher stringMatcher = specifier != null && specifier.getStringMatcher() != null
                ? specifier.getStringMatcher() : matcher.getDefaultStringMatcher();
        boolean ignoreCase = specifier != null && specifier.getIgnoreCase() != null ? specifier.getIgnoreCase()
                : matcher.isIgnoreCaseEnabled();
        String quoted = Pattern.quote(text);
        String flags = ignoreCase ? "(?iu)" : "";
        switch (stringMatcher) {
            case STARTING:
                return ignoreCase ? Filter.matches(path, flags + quoted + ".*") : Filter.startsWith(path, text);
            case ENDING:
                return ignoreCase ? Filter.matches(path, flags + ".*" + quoted) : Filter.endsWith(path, text);
            case CONTAINING:
                return ignoreCase ? Filter.matches(path, flags + ".*" + quoted + ".*") : Filter.contains(path, text);
            case REGEX:
                return Filter.matches(path, flags + text);
            default:
                return ignoreCase ? Filter.matches(path, flags + quoted) : Filter.eq(path, text);
        }
    }
}
