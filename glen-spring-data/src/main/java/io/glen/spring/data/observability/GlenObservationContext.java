package io.glen.spring.data.observability;

import io.micrometer.observation.Observation;

/** What an observation of one {@code GlenTemplate} operation knows: operation, collection, outcome. */
public class GlenObservationContext extends Observation.Context {

    private final String operation;
    private final String collection;
    private String outcome = "SUCCESS";

    /** The context of {@code operation} on {@code collection} (empty for database-wide operations). */
    public GlenObservationContext(String operation, String collection) {
        this.operation = operation;
        this.collection = collection;
    }

    /** The template method, such as {@code save}, {@code query} or {@code compact}. */
    public String getOperation() {
        return operation;
    }

    /** The collection, or empty for database-wide operations. */
    public String getCollection() {
        return collection;
    }

    /** {@code SUCCESS}, {@code CONFLICT} (optimistic locking, duplicate key) or {@code ERROR}. */
    public String getOutcome() {
        return outcome;
    }

    void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
