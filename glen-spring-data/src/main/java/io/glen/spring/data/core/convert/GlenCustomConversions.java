package io.glen.spring.data.core.convert;

import io.glen.engine.value.GlenId;
import io.glen.engine.value.Value;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.mapping.model.SimpleTypeHolder;

/**
 * Glen's conversions: the store's own (see {@code GlenConverters}) plus the application's
 * converters, which take precedence.
 */
public class GlenCustomConversions extends CustomConversions {

    private static final SimpleTypeHolder SIMPLE_TYPES = new SimpleTypeHolder(Set.of(Value.class, GlenId.class), true);

    /** Only the store's conversions. */
    public GlenCustomConversions() {
        this(List.of());
    }

    /** The store's conversions and {@code converters}. */
    public GlenCustomConversions(Collection<?> converters) {
        super(new ConverterConfiguration(StoreConversions.of(SIMPLE_TYPES, GlenConverters.all()), List.copyOf(converters)));
    }
}
