package io.glen.spring.data.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the observation of a {@code GlenTemplate} operation; define a bean to replace the default. */
public interface GlenObservationConvention extends ObservationConvention<GlenObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof GlenObservationContext;
    }
}
