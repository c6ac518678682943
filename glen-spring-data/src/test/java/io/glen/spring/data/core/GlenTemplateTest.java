package io.glen.spring.data.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.GlenStorageException;
import io.glen.engine.Txn;
import io.glen.engine.query.Filter;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.GlenExceptionTranslator;
import io.glen.spring.data.core.GlenTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;

class GlenTemplateTest {

    @TempDir
    Path dir;

    GlenDB db;
    GlenTemplate template;

    @BeforeEach
    void open() {
        db = GlenDB.open(dir, GlenOptions.builder().maxDocumentBytes(256).build());
        template = new GlenTemplate(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void savesAndReadsPlainStructures() {
        template.save("people", "ada", Map.of("name", "Ada", "langs", List.of("en", "fr")));
        assertThat(template.findById("people", "ada", Map.class)).get()
                .isEqualTo(Map.of("langs", List.of("en", "fr"), "name", "Ada"));
        assertThat(template.findById("people", "nobody", Map.class)).isEmpty();
        assertThat(template.exists("people", "ada")).isTrue();
        assertThat(template.count("people")).isEqualTo(1);
        assertThat(template.find("people", Filter.eq("name", "Ada"))).hasSize(1);
        long startingWithA = template.query("people", q -> q.where(Filter.startsWith("name", "A")).count());
        assertThat(startingWithA).isEqualTo(1);
        assertThat(template.delete("people", "ada")).isTrue();
    }

    @Test
    void conflictsBecomeOptimisticLockingFailures() {
        db.put("c", "n", Value.of(0));
        assertThatThrownBy(() -> template.inTransaction(t -> {
            t.get("c", "n");
            db.put("c", "n", Value.of(1));
            t.put("c", "n", Value.of(2));
            return null;
        })).isInstanceOf(OptimisticLockingFailureException.class);
        Txn txn = db.beginTxn();
        txn.get("c", "n");
        db.put("c", "n", Value.of(5));
        txn.put("c", "n", Value.of(6));
        assertThatThrownBy(() -> template.commit(txn)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void insertRefusesAnExistingIdAndUpdateChecksTheVersion() {
        long v1 = template.insert("c", "x", Map.of("n", 1));
        assertThatThrownBy(() -> template.insert("c", "x", Map.of("n", 2)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        long v2 = template.update("c", "x", Map.of("n", 2), v1);
        assertThatThrownBy(() -> template.update("c", "x", Map.of("n", 3), v1))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> template.delete("c", "x", v1)).isInstanceOf(OptimisticLockingFailureException.class);
        template.delete("c", "x", v2);
        assertThat(template.exists("c", "x")).isFalse();
        assertThatThrownBy(() -> template.update("c", "x", Map.of("n", 4), v2))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void inTransactionRetriesAndCommits() {
        db.put("c", "n", Value.of(1));
        long result = template.inTransaction(t -> {
            long n = t.get("c", "n").asLong();
            t.put("c", "n", Value.of(n * 10));
            return n * 10;
        });
        assertThat(result).isEqualTo(10);
    }

    @Test
    void badArgumentsAndOversizedDocumentsAreTranslated() {
        assertThatThrownBy(() -> template.save("bad/name", "x", Value.of(1)))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("collection name");
        assertThatThrownBy(() -> template.save("c", "big", Value.of("x".repeat(1000))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anOversizedDocumentNamesCollectionIdSizeLimitAndTheProperty() {
        assertThatThrownBy(() -> template.save("notes", "n1", Value.of("x".repeat(1000))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessage("document 'n1' in collection 'notes' encodes to 1003 bytes, over the maximum of 256 bytes"
                        + " (maxDocumentBytes); the limit is the property glen.max-document-size");
    }

    @Test
    void aStaleUpdateNamesTheExpectedAndTheCurrentVersion() {
        long first = template.save("notes", "n2", Value.of("a"));
        long second = template.save("notes", "n2", Value.of("b"));

        assertThatThrownBy(() -> template.update("notes", "n2", Value.of("c"), first))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessage("document 'n2' in collection 'notes' has version " + second
                        + ", not the expected version " + first);
    }

    @Test
    void aClosedDatabaseIsAResourceFailure() {
        db.close();
        assertThatThrownBy(() -> template.findById("c", "x")).isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void translatorMapsEveryGlenFailure() {
        GlenExceptionTranslator translator = new GlenExceptionTranslator();
        assertThat(translator.translateExceptionIfPossible(new GlenCorruptionException("bad")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(translator.translateExceptionIfPossible(new GlenStorageException("disk")))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(translator.translateExceptionIfPossible(new IllegalStateException("other"))).isNull();
    }
}
