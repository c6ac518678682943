package io.glen.spring.data.repository.query;

import io.glen.engine.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the relaxed JSON of {@code @Query} (Spring Data MongoDB's syntax): single- or double-quoted
 * strings, unquoted keys, integers and decimals, {@code true}, {@code false}, {@code null}, {@code ?0}
 * placeholders and {@code ?#{...}}/{@code :#{...}} SpEL expressions. Every mistake is a
 * {@link JsonQuerySyntaxException} with its position.
 */
final class JsonQueryParser {

    private final String text;
    private int pos;

    private JsonQueryParser(String text) {
        this.text = text;
    }

    /** The object {@code text} holds. */
    static JsonNode.Object parseObject(String text) {
        JsonQueryParser parser = new JsonQueryParser(text);
        parser.skipSpace();
        if (parser.peek() != '{') {
            throw parser.error("expected '{' to start the query object");
        }
        JsonNode.Object object = parser.object();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "' after the query object");
        }
        return object;
    }

    private JsonNode value() {
        skipSpace();
        int start = pos;
        char c = peek();
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '\'':
            case '"':
                return new JsonNode.Literal(start, Value.of(string()));
            case '?':
                return placeholder();
            case ':':
                if (text.startsWith(":#{", pos)) {
                    return expression(start, 1);
                }
                throw error("expected a value");
            default:
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    return number();
                }
                String word = identifier();
                return switch (word) {
                    case "true" -> new JsonNode.Literal(start, Value.TRUE);
                    case "false" -> new JsonNode.Literal(start, Value.FALSE);
                    case "null" -> new JsonNode.Literal(start, Value.NULL);
                    default -> throw error(start, word.isEmpty() ? "expected a value" : "unknown value '" + word + "'");
                };
        }
    }

    private JsonNode.Object object() {
        int start = pos;
        expect('{');
        List<JsonNode.Member> members = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new JsonNode.Object(start, members);
        }
        while (true) {
            skipSpace();
            int keyAt = pos;
            String key = peek() == '\'' || peek() == '"' ? string() : identifier();
            if (key.isEmpty()) {
                throw error(keyAt, "expected a key");
            }
            skipSpace();
            expect(':');
            members.add(new JsonNode.Member(keyAt, key, value()));
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect('}');
            return new JsonNode.Object(start, members);
        }
    }

    private JsonNode.Array array() {
        int start = pos;
        expect('[');
        List<JsonNode> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new JsonNode.Array(start, elements);
        }
        while (true) {
            elements.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']');
            return new JsonNode.Array(start, elements);
        }
    }

    private JsonNode placeholder() {
        int start = pos;
        if (text.startsWith("?#{", pos)) {
            return expression(start, 1);
        }
        pos++;
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (digits == pos) {
            throw error(start, "expected a parameter index after '?'");
        }
        return new JsonNode.Parameter(start, Integer.parseInt(text.substring(digits, pos)));
    }

    private JsonNode expression(int start, int prefix) {
        pos += prefix;
        int depth = 0;
        int from = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return new JsonNode.Expression(start, text.substring(from, pos));
            }
        }
        throw error(start, "unterminated expression");
    }

    private String string() {
        int start = pos;
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error(pos - 2, "incomplete \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error(pos - 2, "invalid \\u escape");
                        }
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        throw error(start, "unterminated string");
    }

    private JsonNode number() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        boolean decimal = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c)) {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || ((c == '-' || c == '+') && decimal)) {
                decimal = true;
                pos++;
            } else {
                break;
            }
        }
        String literal = text.substring(start, pos);
        try {
            if (decimal) {
                double d = Double.parseDouble(literal);
                if (!Double.isFinite(d)) {
                    throw error(start, "number out of range '" + literal + "'");
                }
                return new JsonNode.Literal(start, Value.of(d));
            }
            return new JsonNode.Literal(start, Value.of(Long.parseLong(literal)));
        } catch (NumberFormatException e) {
            throw error(start, "invalid number '" + literal + "'");
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error(pos >= text.length() ? "expected '" + c + "' but the query ended"
                    : "expected '" + c + "' but found '" + text.charAt(pos) + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private JsonQuerySyntaxException error(String problem) {
        return error(pos, problem);
    }

    private JsonQuerySyntaxException error(int at, String problem) {
        return new JsonQuerySyntaxException(problem, text, at);
    }
}
