package io.glen.spring.data.core;

import io.glen.engine.DocumentTooLargeException;
import io.glen.engine.GlenClosedException;
import io.glen.engine.GlenConflictException;
import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenException;
import io.glen.engine.GlenStorageException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates Glen's exceptions into Spring's {@link DataAccessException} hierarchy:
 * <ul>
 *   <li>{@link GlenConflictException} → {@link OptimisticLockingFailureException}</li>
 *   <li>{@link GlenCorruptionException} → {@link DataIntegrityViolationException}</li>
 *   <li>{@link DocumentTooLargeException} → {@link DataIntegrityViolationException}</li>
 *   <li>{@link GlenClosedException}, {@link GlenStorageException} → {@link DataAccessResourceFailureException}</li>
 *   <li>{@link IllegalArgumentException} (bad names, paths, arguments) → {@link InvalidDataAccessApiUsageException}</li>
 *   <li>any other {@link GlenException} → {@link UncategorizedDataAccessException}</li>
 * </ul>
 */
public class GlenExceptionTranslator implements PersistenceExceptionTranslator {

    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (ex instanceof DataAccessException dae) {
            return dae;
        }
        if (ex instanceof GlenConflictException) {
            return new OptimisticLockingFailureException(ex.getMessage(), ex);
        }
        if (ex instanceof DocumentTooLargeException) {
            // The engine names its option; applications configure the limit through Spring Boot's property.
            return new DataIntegrityViolationException(ex.getMessage()
                    + "; the limit is the property glen.max-document-size", ex);
        }
        if (ex instanceof GlenCorruptionException) {
            return new DataIntegrityViolationException(ex.getMessage(), ex);
        }
        if (ex instanceof GlenClosedException || ex instanceof GlenStorageException) {
            return new DataAccessResourceFailureException(ex.getMessage(), ex);
        }
        if (ex instanceof GlenException) {
            return new UncategorizedDataAccessException(ex.getMessage(), ex) {
                private static final long serialVersionUID = 1L;
            };
        }
        if (ex instanceof IllegalArgumentException) {
            return new InvalidDataAccessApiUsageException(ex.getMessage(), ex);
        }
        return null;
    }
}
