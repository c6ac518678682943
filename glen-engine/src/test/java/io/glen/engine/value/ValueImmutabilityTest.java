package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ReadOnlyBufferException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values are deeply immutable: no accessor hands out anything that can change a value. */
class ValueImmutabilityTest {

    private final Value array = Value.array(Value.of(1), Value.of(2));
    private final Value object = Value.object().put("a", 1).put("b", 2).build();

    @Test
    void asListRefusesAdd() {
        assertThatThrownBy(() -> array.asList().add(Value.of(3))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(array.size()).isEqualTo(2);
    }

    @Test
    void asListRefusesSet() {
        assertThatThrownBy(() -> array.asList().set(0, Value.of(9))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(array.get(0)).isEqualTo(Value.of(1));
    }

    @Test
    void asListRefusesRemoveAndClear() {
        assertThatThrownBy(() -> array.asList().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> array.asList().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(array).isEqualTo(Value.array(Value.of(1), Value.of(2)));
    }

    @Test
    void asListIteratorRefusesRemove() {
        Iterator<Value> it = array.asList().iterator();
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(array.size()).isEqualTo(2);
    }

    @Test
    void asMapRefusesPut() {
        assertThatThrownBy(() -> object.asMap().put("c", Value.of(3)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(object.size()).isEqualTo(2);
    }

    @Test
    void asMapRefusesRemoveAndClear() {
        Map<String, Value> map = object.asMap();
        assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(object.get("a")).isEqualTo(Value.of(1));
        assertThat(object.size()).isEqualTo(2);
    }

    @Test
    void asMapViewsRefuseRemoval() {
        Map<String, Value> map = object.asMap();
        assertThatThrownBy(() -> map.keySet().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        Iterator<Map.Entry<String, Value>> it = map.entrySet().iterator();
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(object.size()).isEqualTo(2);
    }

    @Test
    void asMapEntriesRefuseSetValue() {
        Map.Entry<String, Value> entry = object.asMap().entrySet().iterator().next();
        assertThatThrownBy(() -> entry.setValue(Value.of(9))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(object.get("a")).isEqualTo(Value.of(1));
    }

    @Test
    void asMapIsAReadableMapEqualToAnOrdinaryMap() {
        Map<String, Value> map = object.asMap();

        assertThat(map).isEqualTo(Map.of("a", Value.of(1), "b", Value.of(2)));
        assertThat(map.get("a")).isEqualTo(Value.of(1));
        assertThat(map.get((Object) 1)).isNull();
        assertThat(map.containsKey("b")).isTrue();
        assertThat(map.containsKey("z")).isFalse();
        assertThat(map.size()).isEqualTo(2);
        assertThat(map.hashCode()).isEqualTo(Map.of("a", Value.of(1), "b", Value.of(2)).hashCode());
    }

    @Test
    void asBytesReturnsAFreshCopyEachTime() {
        Value bytes = Value.of(new byte[] {1, 2, 3});
        byte[] first = bytes.asBytes();
        first[0] = 42;

        assertThat(bytes.asBytes()).containsExactly(1, 2, 3);
        assertThat(bytes.asBytes()).isNotSameAs(bytes.asBytes());
    }

    @Test
    void bytesInputArrayIsCopied() {
        byte[] input = {1, 2, 3};
        Value bytes = Value.of(input);
        input[1] = 42;

        assertThat(bytes.asBytes()).containsExactly(1, 2, 3);
        assertThat(bytes).isEqualTo(Value.of(new byte[] {1, 2, 3}));
    }

    @Test
    void readOnlyBufferOfBytesRefusesWrites() {
        BytesValue bytes = (BytesValue) Value.of(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> bytes.asReadOnlyBuffer().put(0, (byte) 9))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThat(bytes.asBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void toJavaReturnsMutableCopiesDetachedFromTheValue() {
        Value v = Value.object().put("list", Value.array(Value.of(1))).put("bin", Value.of(new byte[] {7}))
                .build();
        @SuppressWarnings("unchecked")
        Map<String, Object> java = (Map<String, Object>) v.toJava();
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) java.get("list");
        list.add(2L);
        ((byte[]) java.get("bin"))[0] = 0;
        java.put("extra", "x");

        assertThat(v).isEqualTo(Value.object().put("list", Value.array(Value.of(1)))
                .put("bin", Value.of(new byte[] {7})).build());
    }

    @Test
    void segmentsOfAPathAreACopy() {
        ValuePath path = ValuePath.parse("a.b");
        List<String> segments = path.segments();
        segments.set(0, "x");

        assertThat(path.segments()).containsExactly("a", "b");
        assertThat(path.lookup(Value.object().put("a", Value.object().put("b", 1).build()).build()))
                .isEqualTo(Value.of(1));
    }
}
