package io.glen.spring.data.observability;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations Glen makes. */
public enum GlenObservationDocumentation implements ObservationDocumentation {

    /** One {@code GlenTemplate} operation. */
    TEMPLATE_OPERATION {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultGlenObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }
    };

    /** The tags of every observation: few distinct values each, so they suit metrics too. */
    public enum LowCardinalityKeys implements KeyName {

        /** The template method. */
        OPERATION {
            @Override
            public String asString() {
                return "glen.operation";
            }
        },

        /** The collection ({@code none} for database-wide operations). */
        COLLECTION {
            @Override
            public String asString() {
                return "glen.collection";
            }
        },

        /** SUCCESS, CONFLICT or ERROR. */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        }
    }
}
