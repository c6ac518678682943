package io.glen.spring.data.core.mapping;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mapping.Association;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.model.AnnotationBasedPersistentProperty;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.util.StringUtils;

/** A mapped property: its stored field name comes from {@link Field} or the property name. */
public class GlenPersistentProperty extends AnnotationBasedPersistentProperty<GlenPersistentProperty> {

    /** A property of {@code owner}. */
    public GlenPersistentProperty(Property property, PersistentEntity<?, GlenPersistentProperty> owner,
                                  SimpleTypeHolder simpleTypeHolder) {
        super(property, owner, simpleTypeHolder);
    }

    /** The name of the field in the stored document. */
    public String getFieldName() {
        Field field = findAnnotation(Field.class);
        return field != null && StringUtils.hasText(field.name()) ? field.name() : getName();
    }

    /** Whether a single-field index is declared on the property. */
    public boolean isIndexed() {
        return isAnnotationPresent(Indexed.class);
    }

    @Override
    protected @Nullable Association<GlenPersistentProperty> createAssociation() {
        return null;
    }
}
