package io.glen.spring.data.core;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A collection name Glen cannot use (collection names become file names), with where it came
 * from: an entity's {@code @Document}, a {@code glen.indexes} key, or a call.
 */
public class InvalidCollectionNameException extends InvalidDataAccessApiUsageException {

    private static final long serialVersionUID = 1L;

    private final String collection;
    private final String source;
    private final String rule;

    /** {@code collection}, named by {@code source}, breaks {@code rule}. */
    public InvalidCollectionNameException(String collection, String source, String rule, Throwable cause) {
        super(source + " names the collection '" + collection + "', which Glen cannot use: " + rule, cause);
        this.collection = collection;
        this.source = source;
        this.rule = rule;
    }

    /** The rejected name. */
    public String getCollection() {
        return collection;
    }

    /** Where the name came from. */
    public String getSource() {
        return source;
    }

    /** The naming rule the name breaks. */
    public String getRule() {
        return rule;
    }
}
