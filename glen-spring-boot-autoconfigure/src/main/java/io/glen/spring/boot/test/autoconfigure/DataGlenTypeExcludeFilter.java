package io.glen.spring.boot.test.autoconfigure;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/** Keeps every component but the ones a {@link DataGlenTest} includes out of the test context. */
public final class DataGlenTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<DataGlenTest> {

    DataGlenTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }
}
