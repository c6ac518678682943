package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Builders and {@link Value#of(Object)}: what converts to which kind, and what is refused. */
class ValueConstructionTest {

    // ------------------------------------------------------------ builders

    @Test
    void objectBuilderHoldsEveryPutField() {
        Value v = Value.object().put("name", "Ada").put("age", 36).put("score", 1.5).put("admin", true)
                .put("tags", Value.array(Value.of("x"))).build();

        assertThat(v.kind()).isEqualTo(ValueKind.OBJECT);
        assertThat(v.size()).isEqualTo(5);
        assertThat(v.get("name")).isEqualTo(Value.of("Ada"));
        assertThat(v.get("age")).isEqualTo(Value.of(36));
        assertThat(v.get("score")).isEqualTo(Value.of(1.5));
        assertThat(v.get("admin")).isEqualTo(Value.TRUE);
        assertThat(v.get("tags")).isEqualTo(Value.array(Value.of("x")));
        assertThat(v.get("missing")).isNull();
    }

    @Test
    void objectBuilderPutObjectConvertsPlainJava() {
        Value v = Value.object().putObject("list", List.of(1, "two")).build();

        assertThat(v.get("list")).isEqualTo(Value.array(Value.of(1), Value.of("two")));
    }

    @Test
    void objectBuilderPutAllAndRemove() {
        Value v = Value.object().putAll(Map.of("a", Value.of(1), "b", Value.of(2))).remove("a").remove("zz")
                .build();

        assertThat(v).isEqualTo(Value.object().put("b", 2).build());
    }

    @Test
    void objectFactoryFromMapEqualsBuilder() {
        assertThat(Value.object(Map.of("x", Value.of(1), "y", Value.NULL)))
                .isEqualTo(Value.object().put("x", 1).put("y", Value.NULL).build());
    }

    @Test
    void emptyObjectAndEmptyArrayAreDistinctEmptyContainers() {
        Value object = Value.object().build();
        Value array = Value.array();

        assertThat(object.kind()).isEqualTo(ValueKind.OBJECT);
        assertThat(object.size()).isZero();
        assertThat(array.kind()).isEqualTo(ValueKind.ARRAY);
        assertThat(array.size()).isZero();
        assertThat(object).isNotEqualTo(array);
    }

    @Test
    void builtObjectIsUnaffectedByLaterPutsOnTheSameBuilder() {
        ObjectBuilder builder = Value.object().put("a", 1);
        Value first = builder.build();
        builder.put("a", 2).put("b", 3);

        assertThat(first).isEqualTo(Value.object().put("a", 1).build());
        assertThat(builder.build()).isEqualTo(Value.object().put("a", 2).put("b", 3).build());
    }

    @Test
    void toBuilderStartsWithTheFieldsAndLeavesTheOriginalAlone() {
        ObjectValue original = Value.object().put("a", 1).put("b", 2).build();
        Value changed = original.toBuilder().put("a", 10).remove("b").put("c", 3).build();

        assertThat(changed).isEqualTo(Value.object().put("a", 10).put("c", 3).build());
        assertThat(original).isEqualTo(Value.object().put("a", 1).put("b", 2).build());
    }

    @Test
    void objectBuilderRefusesNullNameOrValue() {
        assertThatThrownBy(() -> Value.object().put(null, Value.of(1)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("field name");
        assertThatThrownBy(() -> Value.object().put("a", (Value) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("Value.NULL");
    }

    @Test
    void arrayFromVarargsKeepsOrderAndCopiesTheArgumentArray() {
        Value[] elements = {Value.of(1), Value.of("b"), Value.NULL};
        Value v = Value.array(elements);
        elements[0] = Value.of("changed");

        assertThat(v.size()).isEqualTo(3);
        assertThat(v.asList()).containsExactly(Value.of(1), Value.of("b"), Value.NULL);
        assertThat(v.get(0)).isEqualTo(Value.of(1));
    }

    @Test
    void arrayFromListCopiesTheList() {
        List<Value> elements = new ArrayList<>(List.of(Value.of(1), Value.of(2)));
        Value v = Value.array(elements);
        elements.add(Value.of(3));
        elements.set(0, Value.of(9));

        assertThat(v).isEqualTo(Value.array(Value.of(1), Value.of(2)));
    }

    @Test
    void arrayRefusesNullElements() {
        assertThatThrownBy(() -> Value.array(Value.of(1), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("Value.NULL");
        assertThatThrownBy(() -> Value.array(Arrays.asList(Value.of(1), null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("Value.NULL");
    }

    @Test
    void typedFactoriesProduceTheirKinds() {
        assertThat(Value.of(true)).isSameAs(Value.TRUE);
        assertThat(Value.of(false)).isSameAs(Value.FALSE);
        assertThat(Value.of(42L).asLong()).isEqualTo(42L);
        assertThat(Value.of(42L).kind()).isEqualTo(ValueKind.INT);
        assertThat(Value.of(2.5).asDouble()).isEqualTo(2.5);
        assertThat(Value.of(2.5).kind()).isEqualTo(ValueKind.FLOAT);
        assertThat(Value.of("s").asString()).isEqualTo("s");
        assertThat(Value.of(new byte[] {1, 2}).asBytes()).containsExactly(1, 2);
        assertThat(Value.of(new GlenId("c", "d", 7)).asId()).isEqualTo(new GlenId("c", "d", 7));
        assertThat(Value.id("users", "ada").asId()).isEqualTo(new GlenId("users", "ada", 0));
    }

    @Test
    void typedFactoriesRefuseNullPointingToValueNull() {
        assertThatThrownBy(() -> Value.of((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Value.NULL");
        assertThatThrownBy(() -> Value.of((byte[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Value.NULL");
        assertThatThrownBy(() -> Value.of((GlenId) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Value.NULL");
    }

    @Test
    void glenIdRefusesNegativeVersionAndNullParts() {
        assertThatThrownBy(() -> new GlenId("c", "d", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new GlenId(null, "d", 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new GlenId("c", null, 0)).isInstanceOf(NullPointerException.class);
    }

    // ------------------------------------------------------------ Value.of(Object)

    @Test
    void ofNullObjectIsValueNull() {
        assertThat(Value.of((Object) null)).isSameAs(Value.NULL);
    }

    @Test
    void ofValueReturnsTheSameInstance() {
        Value v = Value.array(Value.of(1));
        assertThat(Value.of((Object) v)).isSameAs(v);
    }

    @Test
    void ofBoxedBooleanIsBool() {
        assertThat(Value.of((Object) Boolean.TRUE)).isSameAs(Value.TRUE);
        assertThat(Value.of((Object) Boolean.FALSE)).isSameAs(Value.FALSE);
    }

    @Test
    void ofEveryIntegralBoxIsInt() {
        assertThat(Value.of((Object) (byte) -5)).isEqualTo(Value.of(-5L));
        assertThat(Value.of((Object) (short) 300)).isEqualTo(Value.of(300L));
        assertThat(Value.of((Object) Integer.MIN_VALUE)).isEqualTo(Value.of((long) Integer.MIN_VALUE));
        assertThat(Value.of((Object) Long.MAX_VALUE)).isEqualTo(Value.of(Long.MAX_VALUE));
        assertThat(Value.of((Object) Integer.valueOf(7)).kind()).isEqualTo(ValueKind.INT);
    }

    @Test
    void ofFloatAndDoubleBoxesIsFloat() {
        assertThat(Value.of((Object) 0.5f)).isEqualTo(Value.of(0.5));
        assertThat(Value.of((Object) 0.1f).asDouble()).isEqualTo((double) 0.1f);
        assertThat(Value.of((Object) 2.25d)).isEqualTo(Value.of(2.25));
        assertThat(Value.of((Object) 1.0d).kind()).isEqualTo(ValueKind.FLOAT);
    }

    @Test
    void ofBigIntegerWithin64BitsIsInt() {
        assertThat(Value.of((Object) BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo(Value.of(Long.MIN_VALUE));
        assertThat(Value.of((Object) BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo(Value.of(Long.MAX_VALUE));
    }

    @Test
    void ofBigIntegerBeyond64BitsIsRefused() {
        BigInteger big = BigInteger.ONE.shiftLeft(63);
        assertThatThrownBy(() -> Value.of((Object) big)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9223372036854775808");
        assertThatThrownBy(() -> Value.of((Object) BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofBigDecimalIsRefusedWithAnExplanation() {
        assertThatThrownBy(() -> Value.of((Object) new BigDecimal("1.10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BigDecimal");
    }

    @Test
    void ofCharSequenceAndCharacterIsString() {
        assertThat(Value.of((Object) new StringBuilder("abc"))).isEqualTo(Value.of("abc"));
        assertThat(Value.of((Object) Character.valueOf('x'))).isEqualTo(Value.of("x"));
        assertThat(Value.of((Object) "plain")).isEqualTo(Value.of("plain"));
    }

    @Test
    void ofByteArrayObjectIsBytesAndCopiesTheInput() {
        byte[] input = {1, 2, 3};
        Value v = Value.of((Object) input);
        input[0] = 99;

        assertThat(v.kind()).isEqualTo(ValueKind.BYTES);
        assertThat(v.asBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void ofGlenIdObjectIsId() {
        GlenId id = new GlenId("c", "d", 3);
        assertThat(Value.of((Object) id)).isEqualTo(Value.of(id));
        assertThat(Value.of((Object) id).kind()).isEqualTo(ValueKind.ID);
    }

    @Test
    void ofMapIsObjectWithConvertedValues() {
        Map<String, Object> map = new HashMap<>();
        map.put("n", 1);
        map.put("s", "x");
        map.put("nil", null);
        map.put("nested", Map.of("k", List.of(true)));

        assertThat(Value.of((Object) map)).isEqualTo(Value.object().put("n", 1).put("s", "x")
                .put("nil", Value.NULL).put("nested", Value.object().put("k", Value.array(Value.TRUE)).build())
                .build());
    }

    @Test
    void ofIterableIsArrayInIterationOrder() {
        LinkedHashSet<Object> set = new LinkedHashSet<>(List.of("b", "a", 3));
        assertThat(Value.of((Object) set)).isEqualTo(Value.array(Value.of("b"), Value.of("a"), Value.of(3)));
        assertThat(Value.of((Object) Arrays.asList(1, null))).isEqualTo(Value.array(Value.of(1), Value.NULL));
    }

    @Test
    void ofObjectArrayIsArray() {
        Object[] array = {1, "x", new Object[] {2.5}};
        assertThat(Value.of((Object) array))
                .isEqualTo(Value.array(Value.of(1), Value.of("x"), Value.array(Value.of(2.5))));
    }

    @Test
    void ofSharedButAcyclicReferenceIsAccepted() {
        List<Object> shared = List.of(1);
        Value v = Value.of((Object) List.of(shared, shared, Map.of("a", shared)));

        Value one = Value.array(Value.of(1));
        assertThat(v).isEqualTo(Value.array(one, one, Value.object().put("a", one).build()));
    }

    @Test
    void ofUnsupportedTypeIsRefusedNamingTheType() {
        assertThatThrownBy(() -> Value.of(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> Value.of((Object) LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.LocalDate");
        assertThatThrownBy(() -> Value.of((Object) new AtomicInteger(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.concurrent.atomic.AtomicInteger");
    }

    @Test
    void ofPrimitiveArrayOtherThanBytesIsRefused() {
        assertThatThrownBy(() -> Value.of((Object) new int[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[I");
    }

    @Test
    void ofUnsupportedTypeNestedInsideAContainerIsRefused() {
        assertThatThrownBy(() -> Value.of((Object) List.of(1, Map.of("when", LocalDate.of(2024, 1, 1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalDate");
    }

    @Test
    void ofMapWithNonStringKeyIsRefusedNamingTheKeyType() {
        assertThatThrownBy(() -> Value.of((Object) Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer");
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> Value.of((Object) nullKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void ofSelfContainingListIsRefused() {
        List<Object> list = new ArrayList<>();
        list.add(1);
        list.add(list);

        assertThatThrownBy(() -> Value.of((Object) list)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("self-referencing");
    }

    @Test
    void ofSelfContainingMapIsRefused() {
        Map<String, Object> map = new HashMap<>();
        map.put("me", map);

        assertThatThrownBy(() -> Value.of((Object) map)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("self-referencing");
    }

    @Test
    void ofIndirectCycleThroughArrayAndMapIsRefused() {
        Map<String, Object> map = new HashMap<>();
        Object[] array = {map};
        map.put("back", List.of(array));

        assertThatThrownBy(() -> Value.of((Object) map)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("self-referencing");
    }

    // ------------------------------------------------------------ accessors and kinds

    @Test
    void accessorOfTheWrongKindThrowsIllegalStateNamingBothKinds() {
        assertThatThrownBy(() -> Value.of("s").asLong()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STRING").hasMessageContaining("INT");
        assertThatThrownBy(() -> Value.of(1).asString()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Value.of(1.5).asLong()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Value.NULL.asBoolean()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Value.of("s").asBytes()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Value.of(new byte[0]).asId()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Value.object().build().asList()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Value.array().asMap()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Value.object().build().get(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Value.of("s").asDouble()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void intConvertsToDoubleButFloatDoesNotConvertToLong() {
        assertThat(Value.of(7).asDouble()).isEqualTo(7.0);
        assertThat(Value.of(7).isNumber()).isTrue();
        assertThat(Value.of(7.0).isNumber()).isTrue();
        assertThat(Value.of("7").isNumber()).isFalse();
    }

    @Test
    void onlyNullIsNull() {
        assertThat(Value.NULL.isNull()).isTrue();
        assertThat(Value.NULL.kind()).isEqualTo(ValueKind.NULL);
        assertThat(Value.FALSE.isNull()).isFalse();
        assertThat(Value.of("").isNull()).isFalse();
    }

    @Test
    void scalarsHaveSizeZeroAndNoFields() {
        for (Value scalar : List.of(Value.NULL, Value.TRUE, Value.of(1), Value.of(1.5), Value.of("abc"),
                Value.of(new byte[] {1, 2}), Value.id("c", "d"))) {
            assertThat(scalar.size()).as("%s", scalar).isZero();
            assertThat(scalar.get("abc")).as("%s", scalar).isNull();
        }
    }

    @Test
    void objectHasDistinguishesAbsentFieldFromNullField() {
        ObjectValue v = Value.object().put("nil", Value.NULL).build();

        assertThat(v.has("nil")).isTrue();
        assertThat(v.get("nil")).isSameAs(Value.NULL);
        assertThat(v.has("absent")).isFalse();
        assertThat(v.get("absent")).isNull();
    }

    @Test
    void bytesValueReportsLengthAndReadOnlyBuffer() {
        BytesValue v = (BytesValue) Value.of(new byte[] {5, 6, 7});

        assertThat(v.length()).isEqualTo(3);
        assertThat(v.asReadOnlyBuffer().isReadOnly()).isTrue();
        assertThat(v.asReadOnlyBuffer().get(2)).isEqualTo((byte) 7);
    }
}
