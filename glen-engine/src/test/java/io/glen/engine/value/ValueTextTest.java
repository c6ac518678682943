package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Value#toString()}: a JSON-like rendering for logs. */
class ValueTextTest {

    @Test
    void scalarsRenderLikeJson() {
        assertThat(Value.NULL).hasToString("null");
        assertThat(Value.TRUE).hasToString("true");
        assertThat(Value.FALSE).hasToString("false");
        assertThat(Value.of(-42)).hasToString("-42");
        assertThat(Value.of(Long.MIN_VALUE)).hasToString("-9223372036854775808");
        assertThat(Value.of(1.5)).hasToString("1.5");
        assertThat(Value.of("hi")).hasToString("\"hi\"");
    }

    @Test
    void floatsRenderDistinctlyFromInts() {
        assertThat(Value.of(3.0)).hasToString("3.0");
        assertThat(Value.of(3)).hasToString("3");
        assertThat(Value.of(-0.0)).hasToString("-0.0");
        assertThat(Value.of(Double.NaN)).hasToString("NaN");
        assertThat(Value.of(Double.NEGATIVE_INFINITY)).hasToString("-Infinity");
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(Value.of("a\"b\\c\nd\re\tf\u0001g")).hasToString("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\"");
    }

    @Test
    void nonAsciiStringsRenderVerbatim() {
        assertThat(Value.of("\u00E9\uD83D\uDE00")).hasToString("\"\u00E9\uD83D\uDE00\"");
    }

    @Test
    void bytesRenderAsTaggedBase64() {
        assertThat(Value.of(new byte[] {(byte) 0xFF, 0, 1})).hasToString("b64\"/wAB\"");
        assertThat(Value.of(new byte[0])).hasToString("b64\"\"");
    }

    @Test
    void idsRenderWithCollectionIdAndVersion() {
        assertThat(Value.of(new GlenId("users", "a\"b", 7))).hasToString("id(\"users\", \"a\\\"b\", 7)");
    }

    @Test
    void containersRenderNestedWithFieldsInCanonicalOrder() {
        Value v = Value.object().put("b", Value.array(Value.TRUE, Value.NULL, Value.of(1.5)))
                .put("a", Value.object().build()).put("c", Value.array()).build();

        assertThat(v).hasToString("{\"a\": {}, \"b\": [true, null, 1.5], \"c\": []}");
    }

    @Test
    void fieldNamesAreQuotedAndEscaped() {
        assertThat(Value.object().put("we\"ird\n", 1).build()).hasToString("{\"we\\\"ird\\n\": 1}");
    }
}
