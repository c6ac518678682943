package io.glen.spring.data.aot;

import io.glen.spring.data.core.mapping.CompoundIndex;
import io.glen.spring.data.core.mapping.CompoundIndexes;
import io.glen.spring.data.core.mapping.Document;
import io.glen.spring.data.core.mapping.Field;
import io.glen.spring.data.core.mapping.Indexed;
import io.glen.spring.data.repository.Query;
import io.glen.spring.data.repository.support.GlenRepositoryFactoryBean;
import io.glen.spring.data.repository.support.SimpleGlenRepository;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What Glen's Spring Data module reflects on, for AOT processing and native images: the repository
 * base class (instantiated reflectively by Spring Data), the factory bean's properties, and the
 * mapping and query annotations read from entities and repositories (synthesized through JDK
 * proxies where they declare {@code @AliasFor}). Entity types themselves are contributed per
 * repository by {@link GlenRepositoryRegistrationAotProcessor}.
 */
public class GlenRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.reflection().registerType(SimpleGlenRepository.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
                MemberCategory.INVOKE_PUBLIC_METHODS);
        hints.reflection().registerType(GlenRepositoryFactoryBean.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
                MemberCategory.INVOKE_PUBLIC_METHODS);
        for (Class<?> annotation : List.of(Document.class, Field.class, Indexed.class, CompoundIndex.class,
                CompoundIndexes.class, Query.class)) {
            hints.reflection().registerType(annotation, MemberCategory.INVOKE_PUBLIC_METHODS);
        }
        hints.proxies().registerJdkProxy(Document.class);
        hints.proxies().registerJdkProxy(Field.class);
    }
}
