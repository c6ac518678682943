package io.glen.spring.data.observability;

import io.micrometer.common.KeyValues;

/**
 * Observations named {@code glen.operation} ("glen save orders" in traces), tagged with the
 * operation, the collection and the outcome.
 */
public class DefaultGlenObservationConvention implements GlenObservationConvention {

    /** The name of Glen's observations (and of the timer Micrometer derives from them). */
    public static final String NAME = "glen.operation";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(GlenObservationContext context) {
        return "glen " + context.getOperation() + (context.getCollection().isEmpty() ? "" : " " + context.getCollection());
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(GlenObservationContext context) {
        return KeyValues.of(
                GlenObservationDocumentation.LowCardinalityKeys.OPERATION.withValue(context.getOperation()),
                GlenObservationDocumentation.LowCardinalityKeys.COLLECTION.withValue(
                        context.getCollection().isEmpty() ? "none" : context.getCollection()),
                GlenObservationDocumentation.LowCardinalityKeys.OUTCOME.withValue(context.getOutcome()));
    }
}
