package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.testing.RandomValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Value#toJava()} and its round trip through {@link Value#of(Object)}. */
class ValueJavaConversionTest {

    @Test
    void scalarsConvertToTheDocumentedJavaTypes() {
        assertThat(Value.NULL.toJava()).isNull();
        assertThat(Value.TRUE.toJava()).isEqualTo(Boolean.TRUE);
        assertThat(Value.of(5).toJava()).isEqualTo(5L);
        assertThat(Value.of(2.5).toJava()).isEqualTo(2.5d);
        assertThat(Value.of("s").toJava()).isEqualTo("s");
        assertThat((byte[]) Value.of(new byte[] {1, 2}).toJava()).containsExactly(1, 2);
        assertThat(Value.id("c", "d").toJava()).isEqualTo(GlenId.of("c", "d"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void arrayConvertsToAListWithNullForValueNull() {
        Object java = Value.array(Value.of(1), Value.NULL, Value.of("x")).toJava();

        assertThat(java).isInstanceOf(List.class);
        assertThat((List<Object>) java).containsExactly(1L, null, "x");
    }

    @Test
    void objectConvertsToAMapInCanonicalFieldOrder() {
        Object java = Value.object().put("b", 1).put("a", Value.array()).put("\uD83D\uDE00", 2).put("\uFFFF", 3)
                .build().toJava();

        assertThat(java).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) java).keySet())).containsExactly("a", "b", "\uFFFF", "\uD83D\uDE00");
        assertThat(((Map<?, ?>) java).get("a")).isEqualTo(List.of());
    }

    @Test
    void toJavaPreservesNanAndNegativeZero() {
        assertThat((Double) Value.of(Double.NaN).toJava()).isNaN();
        assertThat(Double.doubleToRawLongBits((Double) Value.of(-0.0).toJava())).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void toJavaThenOfGivesAnEqualValueForRandomValues() {
        for (long seed = 0; seed < 3_000; seed++) {
            Value v = new RandomValues(seed).any(4);
            assertThat(Value.of(v.toJava())).as("seed %d", seed).isEqualTo(v);
        }
    }

    @Test
    void ofThenToJavaGivesEqualPlainJava() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("a", 1L);
        input.put("b", Arrays.asList(true, null, 2.5, "x"));
        input.put("c", Map.of("id", GlenId.of("c", "d")));

        assertThat(Value.of((Object) input).toJava()).isEqualTo(input);
    }
}
