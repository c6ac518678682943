package io.glen.spring.boot.diagnostics;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;

/**
 * A {@code glen.*} property that cannot be bound or that Glen's checks reject: names each property,
 * its value and why, and where the settings are described. Runs before Spring Boot's general
 * binding analyzers, for {@code glen.*} only.
 */
class InvalidGlenPropertyFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        if (!cause.getName().toString().equals("glen") && !cause.getName().toString().startsWith("glen.")) {
            return null;
        }
        String description;
        BindValidationException validation = findCause(cause, BindValidationException.class);
        if (validation != null) {
            description = validation.getValidationErrors().getAllErrors().stream().map(error -> {
                String name = error instanceof FieldError field ? "glen." + kebab(field.getField()) : "glen";
                Object value = error instanceof FieldError field ? field.getRejectedValue() : null;
                return "    " + name + (value == null ? "" : " = " + value) + ": " + error.getDefaultMessage();
            }).collect(Collectors.joining("\n", "Invalid Glen settings:\n", ""));
        } else {
            Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
            while (reason.getCause() != null) {
                reason = reason.getCause();
            }
            description = "Invalid Glen setting " + cause.getName()
                    + (cause.getProperty() == null ? "" : " = '" + cause.getProperty().getValue() + "'"
                    + (cause.getProperty().getOrigin() == null ? "" : " (" + cause.getProperty().getOrigin() + ")"))
                    + ": " + reason.getMessage();
        }
        return new FailureAnalysis(description,
                "Correct the glen.* value: sizes take units (64MB), durations take units (500ms, 10s), glen.wal.sync is"
                        + " always, interval or none. The README's Spring Boot section lists every setting; an IDE"
                        + " shows them from the configuration metadata.",
                cause);
    }

    private static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
