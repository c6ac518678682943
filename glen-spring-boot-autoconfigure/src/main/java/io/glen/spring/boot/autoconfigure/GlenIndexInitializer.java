package io.glen.spring.boot.autoconfigure;

import io.glen.engine.GlenDB;
import io.glen.engine.Names;
import io.glen.spring.data.core.InvalidCollectionNameException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the indexes declared under {@code glen.indexes} when the context starts. Existing
 * indexes with the same paths are kept; a declared index whose name exists on other paths fails
 * startup with both definitions named.
 */
public class GlenIndexInitializer implements InitializingBean {

    private final GlenDB db;
    private final Map<String, Map<String, List<String>>> indexes;

    /** An initializer creating {@code indexes} (collection → index name → paths) on {@code db}. */
    public GlenIndexInitializer(GlenDB db, Map<String, Map<String, List<String>>> indexes) {
        this.db = db;
        this.indexes = indexes;
    }

    @Override
    public void afterPropertiesSet() {
        indexes.forEach((collection, byName) -> byName.forEach((name, paths) -> {
            try {
                Names.checkCollection(collection);
            } catch (IllegalArgumentException e) {
                throw new InvalidCollectionNameException(collection, "glen.indexes." + collection, e.getMessage(), e);
            }
            try {
                db.createIndex(collection, name, paths.toArray(new String[0]));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("glen.indexes." + collection + "." + name + " " + paths + ": "
                        + e.getMessage(), e);
            }
        }));
    }
}
