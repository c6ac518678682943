package io.glen.spring.boot.autoconfigure;

import io.glen.engine.GlenOptions;

/**
 * A bean that adjusts the {@link GlenOptions} built from the {@code glen.*} properties before the
 * database opens. Customizers run in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface GlenOptionsCustomizer {

    /** Adjusts the options. */
    void customize(GlenOptions.Builder builder);
}
