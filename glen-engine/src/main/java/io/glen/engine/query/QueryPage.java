package io.glen.engine.query;

import io.glen.engine.Document;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of query results.
 *
 * @param documents the documents of this page, in query order
 * @param next the cursor for the following page, or null when this page was the last
 */
public record QueryPage(List<Document> documents, @Nullable Cursor next) {

    /** Copies the list. */
    public QueryPage {
        documents = List.copyOf(documents);
    }

    /** Whether there may be more results after this page. */
    public boolean hasNext() {
        return next != null;
    }
}
