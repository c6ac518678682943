package io.glen.spring.boot.diagnostics;

import io.glen.spring.data.core.InvalidCollectionNameException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An entity or {@code glen.indexes} names a collection Glen cannot use. */
class InvalidCollectionNameFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCollectionNameException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCollectionNameException cause) {
        return new FailureAnalysis(cause.getSource() + " names the collection '" + cause.getCollection()
                + "', which Glen cannot use: " + cause.getRule() + ".",
                "Rename the collection (in @Document(\"...\") or the glen.indexes key): collection names become"
                        + " file names, so they are 1-100 ASCII letters, digits, '_', '-' and '.', start with a"
                        + " letter, digit or '_', and hold no '..'.",
                cause);
    }
}
