package io.glen.engine.value;

/** Renders values as JSON-like text for logs, errors and debugging (bytes as base64, ids tagged). */
final class ValueText {

    private ValueText() {
    }

    static String render(Value value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Value value) {
        switch (value.kind()) {
            case NULL -> out.append("null");
            case BOOL -> out.append(value.asBoolean());
            case INT -> out.append(value.asLong());
            case FLOAT -> out.append(value.asDouble());
            case STRING -> quote(out, value.asString());
            case BYTES -> out.append("b64\"")
                    .append(java.util.Base64.getEncoder().encodeToString(value.asBytes())).append('"');
            case ID -> {
                GlenId id = value.asId();
                out.append("id(");
                quote(out, id.collection());
                out.append(", ");
                quote(out, id.docId());
                out.append(", ").append(id.version()).append(')');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    append(out, value.get(i));
                }
                out.append(']');
            }
            case OBJECT -> {
                ObjectValue object = (ObjectValue) value;
                out.append('{');
                for (int i = 0; i < object.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    quote(out, object.nameAt(i));
                    out.append(": ");
                    append(out, object.valueAt(i));
                }
                out.append('}');
            }
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
