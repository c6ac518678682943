package io.glen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Collection names become file names and ids go into the log: both are checked on every call. */
class GlenDbNamesTest {

    @TempDir
    Path dir;

    private GlenDB db;

    @BeforeEach
    void open() {
        db = GlenDB.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    // ------------------------------------------------------------------ collection names

    static Stream<Arguments> invalidCollectionNames() {
        return Stream.of(
                Arguments.of("empty", "", "must not be empty"),
                Arguments.of("slash", "a/b", "may only hold ASCII letters"),
                Arguments.of("backslash", "a\\b", "may only hold ASCII letters"),
                Arguments.of("dot-dot alone", "..", "must start with a letter, digit or '_'"),
                Arguments.of("dot-dot inside", "a..b", "must not contain '..'"),
                Arguments.of("path escape", "../etc", "must start with a letter, digit or '_'"),
                Arguments.of("control character", "ab\u0001", "may only hold ASCII letters"),
                Arguments.of("newline", "a\nb", "may only hold ASCII letters"),
                Arguments.of("NUL", "a\u0000", "may only hold ASCII letters"),
                Arguments.of("over 100 characters", "c".repeat(101), "at most 100 characters"),
                Arguments.of("leading dot", ".hidden", "must start with a letter, digit or '_'"),
                Arguments.of("leading dash", "-x", "must start with a letter, digit or '_'"),
                Arguments.of("unicode letter", "café", "may only hold ASCII letters"),
                Arguments.of("unicode digits", "١٢٣", "may only hold ASCII letters"),
                Arguments.of("space", "a b", "may only hold ASCII letters"),
                Arguments.of("colon", "c:x", "may only hold ASCII letters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCollectionNames")
    void invalidCollectionNameIsRejectedNamingTheRule(String rule, String name, String message) {
        assertThatThrownBy(() -> db.put(name, "id", Value.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collection name")
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCollectionNames")
    void invalidCollectionNameWritesNothing(String rule, String name, String message) {
        assertThatThrownBy(() -> db.put(name, "id", Value.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.putMany(name, Map.of("id", Value.of(1))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(db.collections()).isEmpty();
        assertThat(db.stats().lsn()).isZero();
    }

    @Test
    void controlCharacterInACollectionNameIsReportedAsACodePoint() {
        assertThatThrownBy(() -> db.put("ab\u0007", "id", Value.of(1)))
                .hasMessageContaining("U+0007")
                .hasMessageNotContaining("\u0007");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab\u0007", ".\nforged log line", "-\r\u001b[31m", "\u0085x"})
    void rejectionMessagesNeverCarryRawControlCharacters(String name) {
        assertThatThrownBy(() -> db.put(name, "id", Value.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage().chars().filter(Character::isISOControl).count())
                        .as("control characters in: " + e.getMessage().replaceAll("\\p{Cntrl}", "?"))
                        .isZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "_", "users", "user.v2", "a-b_c.d", "_private", "9lives", "UPPER"})
    void safeCollectionNamesAreAccepted(String name) {
        db.put(name, "id", Value.of(1));

        assertThat(db.get(name, "id")).isEqualTo(Value.of(1));
        assertThat(db.collections()).containsExactly(name);
    }

    @Test
    void collectionNameOfExactly100CharactersIsAcceptedAndSurvivesReopen() {
        String name = "c".repeat(100);
        db.put(name, "id", Value.of(1));
        db.admin().compact();
        db.close();

        db = GlenDB.open(dir);

        assertThat(db.get(name, "id")).isEqualTo(Value.of(1));
    }

    @Test
    void collectionNamesDifferingInCaseAreDistinct() {
        db.put("users", "id", Value.of(1));
        db.put("Users", "id", Value.of(2));

        assertThat(db.get("users", "id")).isEqualTo(Value.of(1));
        assertThat(db.get("Users", "id")).isEqualTo(Value.of(2));
    }

    static Stream<Arguments> everyOperationTakingACollection() {
        return Stream.<Map.Entry<String, Consumer<GlenDB>>>of(
                Map.entry("put", db -> db.put("../x", "id", Value.of(1))),
                Map.entry("putMany", db -> db.putMany("../x", Map.of("id", Value.of(1)))),
                Map.entry("putMany(empty)", db -> db.putMany("../x", Map.of())),
                Map.entry("get", db -> db.get("../x", "id")),
                Map.entry("getDocument", db -> db.getDocument("../x", "id")),
                Map.entry("getMany", db -> db.getMany("../x", List.of("id"))),
                Map.entry("getAll", db -> db.getAll("../x")),
                Map.entry("stream", db -> db.stream("../x")),
                Map.entry("version", db -> db.version("../x", "id")),
                Map.entry("count", db -> db.count("../x")),
                Map.entry("delete", db -> db.delete("../x", "id")),
                Map.entry("deleteMany", db -> db.deleteMany("../x", List.of("id"))),
                Map.entry("deleteMany(empty)", db -> db.deleteMany("../x", List.of())))
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperationTakingACollection")
    void everyOperationChecksTheCollectionName(String operation, Consumer<GlenDB> call) {
        assertThatThrownBy(() -> call.accept(db))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collection name");
    }

    @Test
    void nullCollectionNameIsAnIllegalArgument() {
        assertThatThrownBy(() -> db.get(null, "id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be null");
    }

    // ------------------------------------------------------------------ document ids

    static Stream<Arguments> invalidIds() {
        return Stream.of(
                Arguments.of("empty", "", "must not be empty"),
                Arguments.of("control character", "a\u0001b", "control characters"),
                Arguments.of("newline", "line\n", "control characters"),
                Arguments.of("DEL", "a\u007F", "control characters"),
                Arguments.of("C1 control", "a\u0085", "control characters"),
                Arguments.of("over 1024 ASCII bytes", "x".repeat(1025), "at most 1024 UTF-8 bytes"),
                Arguments.of("over 1024 bytes of 3-byte characters", "日".repeat(342), "at most 1024 UTF-8 bytes"),
                Arguments.of("over 1024 bytes of 4-byte characters", "\uD83D\uDE00".repeat(257),
                        "at most 1024 UTF-8 bytes"),
                Arguments.of("lone high surrogate", "a\uD83D", "unpaired surrogate"),
                Arguments.of("lone low surrogate", "\uDE00a", "unpaired surrogate"),
                Arguments.of("reversed pair", "\uDE00\uD83D", "unpaired surrogate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIds")
    void invalidDocumentIdIsRejectedNamingTheRule(String rule, String id, String message) {
        assertThatThrownBy(() -> db.put("users", id, Value.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("document id")
                .hasMessageContaining(message);
        assertThat(db.stats().lsn()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIds")
    void invalidDocumentIdIsRejectedByReadsAndDeletesToo(String rule, String id, String message) {
        db.put("users", "ok", Value.of(1));

        assertThatThrownBy(() -> db.get("users", id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.getDocument("users", id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.version("users", id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.getMany("users", List.of("ok", id))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.delete("users", id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.deleteMany("users", List.of("ok", id)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.putMany("users", Map.of(id, Value.of(1))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(db.get("users", "ok")).as("deleteMany with a bad id deletes nothing").isEqualTo(Value.of(1));
    }

    @Test
    void idsOfExactly1024Utf8BytesAreAccepted() {
        List<String> ids = List.of("x".repeat(1024), "日".repeat(341) + "a", "\uD83D\uDE00".repeat(256),
                "é".repeat(512));
        for (String id : ids) {
            assertThat(id.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
            assertThatCode(() -> db.put("users", id, Value.of(id.length()))).as(id).doesNotThrowAnyException();
        }

        db.close();
        db = GlenDB.open(dir);

        for (String id : ids) {
            assertThat(db.get("users", id)).isEqualTo(Value.of(id.length()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " ", "with space", "a/b", "..", "日本語", "\uD83D\uDE00", "\uFFFF", "\uE000",
            "tab-free\u00A0nbsp", "x.y.z", "null"})
    void idsMayHoldAnyPrintableUnicodeAndSurviveReopen(String id) {
        db.put("users", id, Value.of(id));
        db.close();

        db = GlenDB.open(dir);

        assertThat(db.get("users", id)).isEqualTo(Value.of(id));
        assertThat(db.getAll("users")).containsOnlyKeys(id);
    }

    @Test
    void nullDocumentIdIsAnIllegalArgument() {
        assertThatThrownBy(() -> db.put("users", null, Value.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("document id must not be null");
    }
}
