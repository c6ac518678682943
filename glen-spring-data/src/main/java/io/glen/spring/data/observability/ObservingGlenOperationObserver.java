package io.glen.spring.data.observability;

import io.glen.spring.data.core.GlenOperationObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.util.Assert;

/**
 * Observes every {@code GlenTemplate} operation with Micrometer: an {@link Observation} per call
 * ({@link GlenObservationDocumentation#TEMPLATE_OPERATION}), so traces show database calls and the
 * derived timer counts and times them by operation, collection and outcome.
 */
public class ObservingGlenOperationObserver implements GlenOperationObserver {

    private static final GlenObservationConvention DEFAULT = new DefaultGlenObservationConvention();

    private final ObservationRegistry registry;
    private final @Nullable GlenObservationConvention convention;

    /** Observations in {@code registry} with the default convention. */
    public ObservingGlenOperationObserver(ObservationRegistry registry) {
        this(registry, null);
    }

    /** Observations in {@code registry} named and tagged by {@code convention} (null: the default). */
    public ObservingGlenOperationObserver(ObservationRegistry registry, @Nullable GlenObservationConvention convention) {
        Assert.notNull(registry, "ObservationRegistry must not be null");
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public <T> T observe(String operation, String collection, Supplier<T> action) {
        GlenObservationContext context = new GlenObservationContext(operation, collection);
        Observation observation = GlenObservationDocumentation.TEMPLATE_OPERATION.observation(convention, DEFAULT,
                () -> context, registry);
        observation.start();
        Observation.Scope scope = observation.openScope();
        try {
            return action.get();
        } catch (RuntimeException | Error e) {
            context.setOutcome(e instanceof ConcurrencyFailureException || e instanceof DuplicateKeyException
                    ? "CONFLICT" : "ERROR");
            observation.error(e);
            throw e;
        } finally {
            scope.close();
            observation.stop();
        }
    }
}
