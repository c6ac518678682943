package io.glen.spring.data.core.mapping;

import io.glen.engine.Names;
import io.glen.spring.data.core.InvalidCollectionNameException;
import org.springframework.data.mapping.model.BasicPersistentEntity;
import org.springframework.data.core.TypeInformation;
import org.springframework.util.StringUtils;

/** A mapped entity type and the collection it is stored in. */
public class GlenPersistentEntity<T> extends BasicPersistentEntity<T, GlenPersistentProperty> {

    private final String collection;

    /** The entity of {@code information}. */
    public GlenPersistentEntity(TypeInformation<T> information) {
        super(information);
        Document document = findAnnotation(Document.class);
        String name = document != null && StringUtils.hasText(document.collection()) ? document.collection()
                : StringUtils.uncapitalize(information.getType().getSimpleName());
        try {
            this.collection = Names.checkCollection(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidCollectionNameException(name, "entity " + information.getType().getName()
                    + (document != null && StringUtils.hasText(document.collection()) ? " (@Document)" : ""),
                    e.getMessage(), e);
        }
    }

    /** The collection the entity is stored in. */
    public String getCollection() {
        return collection;
    }
}
