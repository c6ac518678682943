package io.glen.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.value.Value;
import org.junit.jupiter.api.Test;

class FieldDeltasTest {

    @Test
    void aStringThatGrewAtItsEndIsAnAppendOfTheAddedText() {
        assertThat(FieldDeltas.diff("note", Value.of("hello"), Value.of("hello world")))
                .containsExactly(new FieldDelta(FieldDelta.Kind.APPEND, "note", Value.of("hello"), Value.of(" world")));
    }

    @Test
    void aStringChangedAnywhereButItsEndIsAReplace() {
        assertThat(FieldDeltas.diff("note", Value.of("hello"), Value.of("jello world")))
                .containsExactly(new FieldDelta(FieldDelta.Kind.REPLACE, "note", Value.of("hello"),
                        Value.of("jello world")));
    }

    @Test
    void aShorterStringIsAReplace() {
        assertThat(FieldDeltas.diff("note", Value.of("hello world"), Value.of("hello")))
                .containsExactly(new FieldDelta(FieldDelta.Kind.REPLACE, "note", Value.of("hello world"),
                        Value.of("hello")));
    }

    @Test
    void appendingToAnEmptyStringIsAnAppend() {
        assertThat(FieldDeltas.diff("note", Value.of(""), Value.of("x")))
                .containsExactly(new FieldDelta(FieldDelta.Kind.APPEND, "note", Value.of(""), Value.of("x")));
    }

    @Test
    void aNestedStringAppendNamesTheFullPath() {
        assertThat(FieldDeltas.diff("p", Value.object().put("s", "ab").build(), Value.object().put("s", "abc").build()))
                .containsExactly(new FieldDelta(FieldDelta.Kind.APPEND, "p.s", Value.of("ab"), Value.of("c")));
    }
}
