package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Value#MAX_DEPTH} is enforced when values are built, so no recursion can overflow the stack. */
class ValueDepthTest {

    private static Value nestedArrays(int levels) {
        Value v = Value.of(1);
        for (int i = 0; i < levels; i++) {
            v = Value.array(v);
        }
        return v;
    }

    @Test
    void arraysNestedExactlyMaxDepthAreAccepted() {
        Value v = nestedArrays(Value.MAX_DEPTH);

        StringBuilder path = new StringBuilder("0");
        for (int i = 1; i < Value.MAX_DEPTH; i++) {
            path.append(".0");
        }
        assertThat(v.at(path.toString())).isEqualTo(Value.of(1));
    }

    @Test
    void arrayNestedOneBeyondMaxDepthIsRefused() {
        Value deepest = nestedArrays(Value.MAX_DEPTH);
        assertThatThrownBy(() -> Value.array(deepest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAX_DEPTH");
        assertThatThrownBy(() -> Value.array(List.of(Value.NULL, deepest)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyContainersCountAsOneLevel() {
        Value v = Value.array();
        for (int i = 1; i < Value.MAX_DEPTH; i++) {
            v = Value.array(v);
        }
        Value atLimit = v;
        assertThatThrownBy(() -> Value.array(atLimit)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Value.object().put("x", atLimit).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void objectNestedOneBeyondMaxDepthIsRefused() {
        Value v = Value.object().build();
        for (int i = 1; i < Value.MAX_DEPTH; i++) {
            v = Value.object().put("k", v).build();
        }
        Value atLimit = v;
        assertThatThrownBy(() -> Value.object().put("k", atLimit).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAX_DEPTH");
    }

    @Test
    void mixedNestingCountsArraysAndObjectsAlike() {
        Value v = Value.of("leaf");
        for (int i = 0; i < Value.MAX_DEPTH; i++) {
            v = i % 2 == 0 ? Value.array(v) : Value.object().put("k", v).build();
        }
        Value atLimit = v;
        assertThatThrownBy(() -> Value.array(atLimit)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Value.object().put("k", atLimit).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildingTenThousandLevelsStopsWithIllegalArgumentAtTheLimit() {
        Value v = Value.NULL;
        int built = 0;
        try {
            for (int i = 0; i < 10_000; i++) {
                v = Value.array(v);
                built++;
            }
        } catch (IllegalArgumentException expected) {
            // the limit
        }
        assertThat(built).isEqualTo(Value.MAX_DEPTH);
    }

    @Test
    void valueAtMaxDepthSupportsEveryRecursiveOperation() {
        Value a = nestedArrays(Value.MAX_DEPTH);
        Value b = nestedArrays(Value.MAX_DEPTH);

        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.compareTo(b)).isZero();
        assertThat(a.toString()).startsWith("[[[").endsWith("]]]");
        assertThat(Value.of(a.toJava())).isEqualTo(a);
    }

    @Test
    void ofJavaListNestedMaxDepthIsAccepted() {
        Object java = 1;
        for (int i = 0; i < Value.MAX_DEPTH; i++) {
            java = List.of(java);
        }
        assertThat(Value.of(java)).isEqualTo(nestedArrays(Value.MAX_DEPTH));
    }

    @Test
    void ofJavaListNestedTenThousandLevelsIsRefusedWithoutStackOverflow() {
        List<Object> root = new ArrayList<>();
        List<Object> current = root;
        for (int i = 0; i < 10_000; i++) {
            List<Object> next = new ArrayList<>();
            current.add(next);
            current = next;
        }
        assertThatThrownBy(() -> Value.of((Object) root)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAX_DEPTH");
    }

    @Test
    void ofJavaMapNestedTenThousandLevelsIsRefusedWithoutStackOverflow() {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> current = root;
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> next = new HashMap<>();
            current.put("k", next);
            current = next;
        }
        assertThatThrownBy(() -> Value.of((Object) root)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAX_DEPTH");
    }

    @Test
    void ofJavaListWrappingAValueAtMaxDepthIsRefused() {
        Value atLimit = nestedArrays(Value.MAX_DEPTH);
        assertThatThrownBy(() -> Value.of((Object) List.of(atLimit))).isInstanceOf(IllegalArgumentException.class);
    }
}
