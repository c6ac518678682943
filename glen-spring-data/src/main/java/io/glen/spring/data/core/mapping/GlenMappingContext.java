package io.glen.spring.data.core.mapping;

import org.springframework.data.mapping.context.AbstractMappingContext;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.data.core.TypeInformation;

/** The mapping metadata of entities stored in Glen. */
public class GlenMappingContext extends AbstractMappingContext<GlenPersistentEntity<?>, GlenPersistentProperty> {

    @Override
    protected <T> GlenPersistentEntity<?> createPersistentEntity(TypeInformation<T> typeInformation) {
        return new GlenPersistentEntity<>(typeInformation);
    }

    @Override
    protected GlenPersistentProperty createPersistentProperty(Property property, GlenPersistentEntity<?> owner,
                                                              SimpleTypeHolder simpleTypeHolder) {
        return new GlenPersistentProperty(property, owner, simpleTypeHolder);
    }
}
