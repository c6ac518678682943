package io.glen.spring.data.core.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.Document;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.mapping.Field;
import io.glen.spring.data.core.mapping.GlenMappingContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/** Mapping of entities to values and back, property kind by property kind. */
class MappingGlenConverterTest {

    enum Color { RED, GREEN }

    public record Point(long x, long y) {
    }

    public record Money(long cents, String currency) {
    }

    @WritingConverter
    enum PointToString implements Converter<Point, String> {
        INSTANCE;

        @Override
        public String convert(Point source) {
            return source.x() + "," + source.y();
        }
    }

    @ReadingConverter
    enum StringToPoint implements Converter<String, Point> {
        INSTANCE;

        @Override
        public Point convert(String source) {
            String[] parts = source.split(",");
            return new Point(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
    }

    @ReadingConverter
    enum MapToMoney implements Converter<Map<String, Object>, Money> {
        INSTANCE;

        @Override
        public Money convert(Map<String, Object> source) {
            return new Money((Long) source.get("c"), "EUR");
        }
    }

    public static class Everything {
        @Id
        Long id;
        @Version
        long version;
        String text;
        int small;
        long big;
        double real;
        float single;
        boolean flag;
        short tiny;
        char letter;
        Integer boxedInt;
        Long boxedLong;
        Double boxedDouble;
        Boolean boxedFlag;
        Color color;
        Instant at;
        LocalDate day;
        Duration span;
        BigDecimal amount;
        UUID uuid;
        @Field("renamed")
        String original;
        @Transient
        String scratch;
        List<String> strings;
        Set<Integer> ints;
        List<Inner> inners;
        String[] array;
        int[] primitiveArray;
        Map<String, Integer> counts;
        Map<Color, String> byColor;
        Map<String, List<Long>> nestedMap;
        Inner inner;
        Value raw;
        Object anything;
        Point point;
        Money money;
        byte[] bytes;
    }

    public static class Inner {
        String name;
        int rank;

        public Inner() {
        }

        Inner(String name, int rank) {
            this.name = name;
            this.rank = rank;
        }
    }

    public record Rec(@Id String id, @Version Integer version, String name, int count, List<Part> parts, Part main,
                      Map<String, Part> byName) {
    }

    public record Part(String sku, double price) {
    }

    /** Some properties through the constructor, the rest through setters. */
    public static class Mixed {
        @Id
        private final String id;
        private final String fixed;
        private String loose;
        private long number;

        public Mixed(String id, String fixed) {
            this.id = id;
            this.fixed = fixed;
        }

        public String getId() {
            return id;
        }

        public String getFixed() {
            return fixed;
        }

        public String getLoose() {
            return loose;
        }

        public void setLoose(String loose) {
            this.loose = loose;
        }

        public long getNumber() {
            return number;
        }

        public void setNumber(long number) {
            this.number = number;
        }
    }

    /** Package-private: may not get a generated accessor. */
    static class Hidden {
        @Id
        String id;
        long value;
        List<Hidden> children;
    }

    public static class Base {
        @Id
        String id;
        String baseField;
    }

    public static class Derived extends Base {
        String derivedField;
        int level;
    }

    public static class Node {
        @Id
        String id;
        String label;
        Node next;
        List<Node> children;
    }

    private final MappingGlenConverter converter = new MappingGlenConverter(new GlenMappingContext(),
            new GlenCustomConversions(List.of(PointToString.INSTANCE, StringToPoint.INSTANCE, MapToMoney.INSTANCE)));

    private static Document doc(String id, long version, Value value) {
        return new Document("c", id, version, value);
    }

    private static Everything everything() {
        Everything e = new Everything();
        e.id = 42L;
        e.version = 7;
        e.text = "hello";
        e.small = -3;
        e.big = 1L << 40;
        e.real = 2.5;
        e.single = 1.25f;
        e.flag = true;
        e.tiny = 12;
        e.letter = 'x';
        e.boxedInt = 9;
        e.boxedLong = 10L;
        e.boxedDouble = 0.5;
        e.boxedFlag = false;
        e.color = Color.GREEN;
        e.at = Instant.parse("2026-11-23T10:15:30.123456789Z");
        e.day = LocalDate.of(2026, 2, 28);
        e.span = Duration.ofMillis(1500);
        e.amount = new BigDecimal("12.34");
        e.uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        e.original = "orig";
        e.scratch = "not stored";
        e.strings = List.of("a", "b");
        e.ints = new LinkedHashSet<>(List.of(3, 1, 2));
        e.inners = List.of(new Inner("x", 1), new Inner("y", 2));
        e.array = new String[] {"p", "q"};
        e.primitiveArray = new int[] {4, 5};
        e.counts = new LinkedHashMap<>(Map.of("one", 1));
        e.byColor = new EnumMap<>(Map.of(Color.RED, "r"));
        e.nestedMap = new LinkedHashMap<>(Map.of("k", List.of(1L, 2L)));
        e.inner = new Inner("solo", 5);
        e.raw = Value.object().put("free", "form").build();
        e.anything = "any";
        e.point = new Point(3, 4);
        e.bytes = new byte[] {1, 2, 3};
        return e;
    }

    @Test
    void writesPropertiesUnderTheirFieldNamesWithoutIdVersionTransientOrNulls() {
        Value value = converter.writeEntity(everything());
        assertThat(value.get("id")).isNull();
        assertThat(value.get("version")).isNull();
        assertThat(value.get("scratch")).isNull();
        assertThat(value.get("money")).isNull();
        assertThat(value.get("original")).isNull();
        assertThat(value.get("renamed")).isEqualTo(Value.of("orig"));
        assertThat(value.get("small")).isEqualTo(Value.of(-3));
        assertThat(value.get("single")).isEqualTo(Value.of(1.25));
        assertThat(value.get("letter")).isEqualTo(Value.of("x"));
        assertThat(value.get("color")).isEqualTo(Value.of("GREEN"));
        assertThat(value.get("at")).isEqualTo(Value.of("2026-11-23T10:15:30.123456789Z"));
        assertThat(value.get("span")).isEqualTo(Value.of(1_500_000_000L));
        assertThat(value.get("amount")).isEqualTo(Value.of(12.34));
        assertThat(value.get("point")).isEqualTo(Value.of("3,4"));
        assertThat(value.get("ints")).isEqualTo(Value.array(Value.of(3), Value.of(1), Value.of(2)));
        assertThat(value.get("inners").get(1).get("name")).isEqualTo(Value.of("y"));
        assertThat(value.get("byColor").get("RED")).isEqualTo(Value.of("r"));
        assertThat(value.get("primitiveArray")).isEqualTo(Value.array(Value.of(4), Value.of(5)));
        assertThat(value.get("raw").get("free")).isEqualTo(Value.of("form"));
        assertThat(value.get("bytes")).isEqualTo(Value.of(new byte[] {1, 2, 3}));
        assertThat(value.get("nestedMap").get("k")).isEqualTo(Value.array(Value.of(1), Value.of(2)));
    }

    @Test
    void readsBackWhatItWrote() {
        Everything original = everything();
        Value value = converter.writeEntity(original);
        Everything read = converter.read(Everything.class, doc("42", 7, value));
        assertThat(read).usingRecursiveComparison().ignoringFields("scratch").isEqualTo(original);
        assertThat(read.scratch).isNull();
        assertThat(read.ints).isInstanceOf(LinkedHashSet.class).containsExactly(3, 1, 2);
        assertThat(read.strings).isInstanceOf(ArrayList.class);
        assertThat(read.counts).isInstanceOf(LinkedHashMap.class);
        assertThat(read.byColor).containsEntry(Color.RED, "r");
        assertThat(read.id).isEqualTo(42L);
        assertThat(read.version).isEqualTo(7);
    }

    @Test
    void missingPropertiesReadAsDefaults() {
        // Documents written before a field was added lack it: primitives read as Java's defaults.
        Everything read = converter.read(Everything.class, doc("1", 0, Value.object().put("text", Value.NULL)
                .put("single", Value.NULL).build()));
        assertThat(read.text).isNull();
        assertThat(read.single).isZero();
        assertThat(read.tiny).isZero();
        assertThat(read.small).isZero();
        assertThat(read.big).isZero();
        assertThat(read.real).isZero();
        assertThat(read.flag).isFalse();
        assertThat(read.letter).isEqualTo('\0');
        assertThat(read.boxedInt).isNull();
        assertThat(read.strings).isNull();
        assertThat(read.inner).isNull();
        assertThat(read.raw).isNull();
    }

    @Test
    void convertsStoredKindsToDeclaredTypes() {
        Value value = Value.object()
                .put("text", 5)
                .put("small", 7)
                .put("boxedLong", 8)
                .put("real", 3)
                .put("boxedDouble", 4)
                .put("strings", "single")
                .put("inners", Value.object().put("name", "one").put("rank", 1).build())
                .put("anything", Value.object().put("a", 1).put("b", Value.array(Value.of(1.5))).build())
                .put("money", Value.object().put("c", 250).build())
                .put("array", "lonely")
                .put("counts", Value.object().put("x", 2.0).build())
                .put("raw", 17)
                .put("flag", true)
                .build();
        Everything read = converter.read(Everything.class, doc("3", 1, value));
        assertThat(read.text).isEqualTo("5");
        assertThat(read.small).isEqualTo(7);
        assertThat(read.boxedLong).isEqualTo(8L);
        assertThat(read.real).isEqualTo(3.0);
        assertThat(read.boxedDouble).isEqualTo(4.0);
        assertThat(read.strings).containsExactly("single");
        assertThat(read.inners).singleElement().satisfies(i -> {
            assertThat(i.name).isEqualTo("one");
            assertThat(i.rank).isEqualTo(1);
        });
        assertThat(read.anything).isEqualTo(Map.of("a", 1L, "b", List.of(1.5)));
        assertThat(read.money).isEqualTo(new Money(250, "EUR"));
        assertThat(read.array).containsExactly("lonely");
        assertThat(read.counts).containsEntry("x", 2);
        assertThat(read.raw).isEqualTo(Value.of(17));
        assertThat(read.flag).isTrue();
    }

    @Test
    void rejectsValuesThatDoNotFitTheDeclaredType() {
        assertThatThrownBy(() -> converter.read(Everything.class,
                doc("1", 0, Value.object().put("small", Long.MAX_VALUE).build())))
                .isInstanceOf(ConversionException.class);
        assertThatThrownBy(() -> converter.read(Everything.class,
                doc("1", 0, Value.object().put("big", "not a number").build())))
                .isInstanceOf(ConversionException.class);
    }

    @Test
    void readsRecordsThroughTheirConstructors() {
        Rec original = new Rec("r1", 3, "rec", 4, List.of(new Part("a", 1.5), new Part("b", 2)), new Part("m", 0),
                Map.of("a", new Part("a", 1.5)));
        Value value = converter.writeEntity(original);
        assertThat(value.get("id")).isNull();
        assertThat(converter.read(Rec.class, doc("r1", 3, value))).isEqualTo(original);
        Rec sparse = converter.read(Rec.class, doc("r2", 0, Value.object().put("name", "n").build()));
        assertThat(sparse).isEqualTo(new Rec("r2", 0, "n", 0, null, null, null));
    }

    @Test
    void readsConstructorAndSetterPropertiesTogether() {
        Value value = Value.object().put("fixed", "f").put("loose", "l").put("number", 12).build();
        Mixed read = converter.read(Mixed.class, doc("m", 0, value));
        assertThat(read.getId()).isEqualTo("m");
        assertThat(read.getFixed()).isEqualTo("f");
        assertThat(read.getLoose()).isEqualTo("l");
        assertThat(read.getNumber()).isEqualTo(12);
        assertThat(converter.writeEntity(read)).isEqualTo(value);
    }

    @Test
    void readsPackagePrivateInheritedAndSelfReferencingTypes() {
        Hidden hidden = new Hidden();
        hidden.value = 5;
        Hidden child = new Hidden();
        child.value = 6;
        hidden.children = List.of(child);
        Hidden read = converter.read(Hidden.class, doc("h", 0, converter.writeEntity(hidden)));
        assertThat(read.id).isEqualTo("h");
        assertThat(read.value).isEqualTo(5);
        assertThat(read.children).singleElement().satisfies(c -> {
            assertThat(c.value).isEqualTo(6);
            assertThat(c.id).isNull();
            assertThat(c.children).isNull();
        });

        Derived derived = new Derived();
        derived.baseField = "b";
        derived.derivedField = "d";
        derived.level = 2;
        Derived readDerived = converter.read(Derived.class, doc("d", 0, converter.writeEntity(derived)));
        assertThat(readDerived.id).isEqualTo("d");
        assertThat(readDerived.baseField).isEqualTo("b");
        assertThat(readDerived.derivedField).isEqualTo("d");
        assertThat(readDerived.level).isEqualTo(2);

        Node node = new Node();
        node.label = "1";
        node.next = new Node();
        node.next.label = "2";
        node.children = List.of(new Node(), node.next);
        Node readNode = converter.read(Node.class, doc("n", 0, converter.writeEntity(node)));
        assertThat(readNode.label).isEqualTo("1");
        assertThat(readNode.next.label).isEqualTo("2");
        assertThat(readNode.children).hasSize(2);
        assertThat(readNode.children.get(1).label).isEqualTo("2");
    }

    @Test
    void readsAndWritesPlainValues() {
        assertThat(converter.write("s")).isEqualTo(Value.of("s"));
        assertThat(converter.write(Color.RED)).isEqualTo(Value.of("RED"));
        assertThat(converter.write(List.of(1, 2))).isEqualTo(Value.array(Value.of(1), Value.of(2)));
        assertThat(converter.write(new Part("p", 1))).isEqualTo(Value.object().put("sku", "p").put("price", 1.0).build());
        assertThat(converter.read(Value.of(3), Integer.class)).isEqualTo(3);
        assertThat(converter.read(Value.of("GREEN"), Color.class)).isEqualTo(Color.GREEN);
        assertThat(converter.read(Value.object().put("sku", "p").put("price", 1.0).build(), Part.class))
                .isEqualTo(new Part("p", 1));
        assertThat(converter.read(Value.of("1,2"), Point.class)).isEqualTo(new Point(1, 2));
        Object map = converter.read(Value.object().put("k", 1).build(), Map.class);
        assertThat(map).isEqualTo(Map.of("k", 1L));
        Object list = converter.read(Value.array(Value.of(1)), List.class);
        assertThat(list).isEqualTo(List.of(1L));
        assertThat(converter.read(Value.NULL, String.class)).isNull();
        assertThat(converter.writeQueryValue(null)).isEqualTo(Value.NULL);
        assertThat(converter.writeQueryValue(Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(Value.of("2026-01-01T00:00:00.000000000Z"));
        assertThat(converter.writeQueryValue(new TreeMap<>(Map.of(Color.RED, 1))))
                .isEqualTo(Value.object().put("RED", 1).build());
        assertThat(converter.writeQueryValue(new Object[] {1, "a"}))
                .isEqualTo(Value.array(Arrays.asList(Value.of(1), Value.of("a"))));
    }

    @Test
    void refusesNonObjectDocuments() {
        assertThatThrownBy(() -> converter.read(Everything.class, doc("x", 1, Value.of(3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an object");
    }
}
