package io.glen.spring.data.repository.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.value.Value;
import org.junit.jupiter.api.Test;

class JsonQueryParserTest {

    @Test
    void parsesQuotedAndUnquotedKeysLiteralsPlaceholdersAndExpressions() {
        JsonNode.Object object = JsonQueryParser.parseObject(
                "{ status: \"NEW\", 'total': { '$gt': ?1 }, n: -3, f: 2.5, b: true, z: null, e: ?#{[0]}, s: :#{#x} }");

        assertThat(object.members()).extracting(JsonNode.Member::key)
                .containsExactly("status", "total", "n", "f", "b", "z", "e", "s");
        assertThat(((JsonNode.Literal) object.members().get(0).value()).value()).isEqualTo(Value.of("NEW"));
        JsonNode.Object total = (JsonNode.Object) object.members().get(1).value();
        assertThat(total.members().get(0).value()).isEqualTo(new JsonNode.Parameter(35, 1));
        assertThat(((JsonNode.Literal) object.members().get(2).value()).value()).isEqualTo(Value.of(-3));
        assertThat(((JsonNode.Literal) object.members().get(3).value()).value()).isEqualTo(Value.of(2.5));
        assertThat(((JsonNode.Literal) object.members().get(4).value()).value()).isEqualTo(Value.TRUE);
        assertThat(((JsonNode.Literal) object.members().get(5).value()).value()).isEqualTo(Value.NULL);
        assertThat(((JsonNode.Expression) object.members().get(6).value()).expression()).isEqualTo("#{[0]}");
        assertThat(((JsonNode.Expression) object.members().get(7).value()).expression()).isEqualTo("#{#x}");
    }

    @Test
    void parsesArraysAndEscapes() {
        JsonNode.Object object = JsonQueryParser.parseObject("{ tags: ['a\\'b', \"c\\u0041\"], empty: [] }");

        JsonNode.Array tags = (JsonNode.Array) object.members().get(0).value();
        assertThat(tags.elements()).extracting(e -> ((JsonNode.Literal) e).value())
                .containsExactly(Value.of("a'b"), Value.of("cA"));
        assertThat(((JsonNode.Array) object.members().get(1).value()).elements()).isEmpty();
    }

    @Test
    void anUnterminatedStringIsReportedWhereItStarts() {
        assertThatThrownBy(() -> JsonQueryParser.parseObject("{ a: 'open }"))
                .isInstanceOf(JsonQuerySyntaxException.class).hasMessageStartingWith("unterminated string at position 5")
                .satisfies(e -> assertThat(((JsonQuerySyntaxException) e).getPosition()).isEqualTo(5));
    }

    @Test
    void aMissingClosingBraceIsReportedAtTheEnd() {
        assertThatThrownBy(() -> JsonQueryParser.parseObject("{ a: 1"))
                .hasMessageStartingWith("expected '}' but the query ended at position 6");
    }

    @Test
    void textAfterTheObjectIsRefused() {
        assertThatThrownBy(() -> JsonQueryParser.parseObject("{ a: 1 } x"))
                .hasMessageStartingWith("unexpected 'x' after the query object at position 9");
    }

    @Test
    void anUnknownBareWordIsRefused() {
        assertThatThrownBy(() -> JsonQueryParser.parseObject("{ a: yes }"))
                .hasMessageStartingWith("unknown value 'yes' at position 5");
    }

    @Test
    void aQuestionMarkNeedsAnIndex() {
        assertThatThrownBy(() -> JsonQueryParser.parseObject("{ a: ? }"))
                .hasMessageStartingWith("expected a parameter index after '?' at position 5");
    }

    @Test
    void anOutOfRangeNumberIsRefused() {
        assertThatThrownBy(() -> JsonQueryParser.parseObject("{ a: 1e400 }"))
                .hasMessageStartingWith("number out of range '1e400' at position 5");
    }

    @Test
    void theQueryMustBeAnObject() {
        assertThatThrownBy(() -> JsonQueryParser.parseObject("[1]"))
                .hasMessageStartingWith("expected '{' to start the query object at position 0");
    }
}
