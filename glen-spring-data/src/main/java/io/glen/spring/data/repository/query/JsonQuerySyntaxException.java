package io.glen.spring.data.repository.query;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A {@code @Query} (or its sort or fields) that cannot be used, with the position of the mistake
 * and the text with a caret under it.
 */
public class JsonQuerySyntaxException extends InvalidDataAccessApiUsageException {

    private static final long serialVersionUID = 1L;

    private final int position;

    /** A mistake at {@code position} (0-based) of {@code text}. */
    public JsonQuerySyntaxException(String problem, String text, int position) {
        super(problem + " at position " + position + ":\n  " + text.replace('\n', ' ') + "\n  "
                + " ".repeat(Math.max(0, Math.min(position, text.length()))) + "^");
        this.position = position;
    }

    /** The 0-based position of the mistake in the text. */
    public int getPosition() {
        return position;
    }
}
