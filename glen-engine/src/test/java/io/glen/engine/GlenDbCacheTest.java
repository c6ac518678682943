package io.glen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.value.Value;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hot-value cache: statistics, capacity at runtime, and that it never serves stale values. */
class GlenDbCacheTest {

    private static final long CAPACITY = 1 << 20;

    @TempDir
    Path dir;

    private GlenDB open(long capacity) {
        return GlenDB.open(dir, GlenOptions.builder().cacheCapacityBytes(capacity).build());
    }

    private static Value doc(int i) {
        return Value.object().put("i", i).put("pad", "p".repeat(200)).build();
    }

    @Test
    void capacityIsReportedAsConfigured() {
        try (GlenDB db = open(CAPACITY)) {
            assertThat(db.admin().cacheStats().capacityBytes()).isEqualTo(CAPACITY);
            assertThat(db.stats().cache().capacityBytes()).isEqualTo(CAPACITY);
        }
    }

    /** Reads a document twice: from its second read a document is hot. */
    private static void warm(GlenDB db, String collection, String id) {
        db.get(collection, id);
        db.get(collection, id);
    }

    @Test
    void aWriteDoesNotMakeADocumentHotNorDoesItsFirstReadButItsSecondDoes() {
        try (GlenDB db = open(CAPACITY)) {
            db.put("c", "a", doc(1));
            assertThat(db.admin().cacheStats().puts()).isZero();
            assertThat(db.admin().cacheStats().entries()).isZero();

            db.get("c", "a");
            CacheStats afterFirstRead = db.admin().cacheStats();
            assertThat(afterFirstRead.misses()).isEqualTo(1);
            assertThat(afterFirstRead.puts()).as("a one-time read costs no cache work").isZero();
            assertThat(afterFirstRead.entries()).isZero();

            db.get("c", "a");
            CacheStats afterSecondRead = db.admin().cacheStats();
            assertThat(afterSecondRead.misses()).isEqualTo(2);
            assertThat(afterSecondRead.puts()).isEqualTo(1);
            assertThat(afterSecondRead.entries()).isEqualTo(1);
            assertThat(afterSecondRead.sizeBytes()).isPositive();

            db.get("c", "a");
            assertThat(db.admin().cacheStats().hits()).isEqualTo(afterSecondRead.hits() + 1);
            assertThat(db.admin().cacheStats().misses()).isEqualTo(2);
        }
    }

    @Test
    void aScanOfDocumentsReadOnceAddsNothingToTheCache() {
        try (GlenDB db = open(CAPACITY)) {
            for (int i = 0; i < 100; i++) {
                db.put("c", "d" + i, doc(i));
            }
            warm(db, "c", "hot");
            db.put("c", "hot", doc(-1));
            warm(db, "c", "hot");
            long entries = db.admin().cacheStats().entries();

            assertThat(db.query("c").list()).hasSize(101);

            assertThat(db.admin().cacheStats().entries()).isEqualTo(entries);
            assertThat(db.admin().cacheStats().evictions()).isZero();
        }
    }

    @Test
    void anOverwriteKeepsAHotDocumentHotWithItsNewValueWithoutRegisteringItAgain() {
        try (GlenDB db = open(CAPACITY)) {
            db.put("c", "a", doc(1));
            warm(db, "c", "a");
            CacheStats hot = db.admin().cacheStats();

            db.put("c", "a", doc(2));

            CacheStats afterOverwrite = db.admin().cacheStats();
            // Still tracked with about the same weight: the overwrite costs no registration.
            assertThat(afterOverwrite.puts()).isEqualTo(hot.puts());
            assertThat(afterOverwrite.entries()).isEqualTo(1);
            assertThat(db.get("c", "a")).isEqualTo(doc(2));
            assertThat(db.admin().cacheStats().hits()).isEqualTo(hot.hits() + 1);
            assertThat(db.admin().cacheStats().misses()).isEqualTo(hot.misses());
        }
    }

    @Test
    void writesOfColdDocumentsLeaveTheHotSetAlone() {
        long capacity = 16 * 1024;
        try (GlenDB db = open(capacity)) {
            db.put("c", "hot", doc(0));
            warm(db, "c", "hot");
            for (int i = 0; i < 500; i++) {
                db.put("c", "d" + i, doc(i));
            }

            CacheStats stats = db.admin().cacheStats();
            assertThat(stats.entries()).isEqualTo(1);
            assertThat(stats.evictions()).isZero();
            long hits = stats.hits();
            assertThat(db.get("c", "hot")).isEqualTo(doc(0));
            assertThat(db.admin().cacheStats().hits()).isEqualTo(hits + 1);
        }
    }

    @Test
    void readsAfterReopenMissTwiceThenHit() {
        try (GlenDB db = open(CAPACITY)) {
            db.put("c", "a", doc(1));
        }
        try (GlenDB db = open(CAPACITY)) {
            assertThat(db.admin().cacheStats().entries()).isZero();

            db.get("c", "a");
            assertThat(db.admin().cacheStats().misses()).isEqualTo(1);
            assertThat(db.admin().cacheStats().hits()).isZero();
            assertThat(db.admin().cacheStats().puts()).isZero();

            db.get("c", "a");
            assertThat(db.admin().cacheStats().misses()).isEqualTo(2);
            assertThat(db.admin().cacheStats().puts()).isEqualTo(1);

            db.get("c", "a");
            db.get("c", "a");
            assertThat(db.admin().cacheStats().hits()).isEqualTo(2);
            assertThat(db.admin().cacheStats().misses()).isEqualTo(2);
            assertThat(db.admin().cacheStats().hitRate()).isEqualTo(0.5);
        }
    }

    @Test
    void readsOfAbsentDocumentsDoNotTouchTheCache() {
        try (GlenDB db = open(CAPACITY)) {
            db.get("c", "nothing");

            assertThat(db.admin().cacheStats().hits() + db.admin().cacheStats().misses()).isZero();
        }
    }

    @Test
    void anOverwriteIsNeverAnsweredWithTheOldCachedValue() {
        try (GlenDB db = open(CAPACITY)) {
            db.put("c", "a", doc(1));
            db.get("c", "a");

            db.put("c", "a", doc(2));

            assertThat(db.get("c", "a")).isEqualTo(doc(2));
            assertThat(db.getDocument("c", "a").value()).isEqualTo(doc(2));
        }
    }

    @Test
    void aDeleteDropsTheCachedValue() {
        try (GlenDB db = open(CAPACITY)) {
            db.put("c", "a", doc(1));
            db.get("c", "a");

            db.delete("c", "a");

            assertThat(db.admin().cacheStats().entries()).isZero();
            assertThat(db.get("c", "a")).isNull();
        }
    }

    @Test
    void theCacheStaysWithinItsCapacityByEvicting() {
        long capacity = 16 * 1024;
        try (GlenDB db = open(capacity)) {
            for (int i = 0; i < 500; i++) {
                db.put("c", "d" + i, doc(i));
                warm(db, "c", "d" + i);
            }

            CacheStats stats = db.admin().cacheStats();
            assertThat(stats.sizeBytes()).isLessThanOrEqualTo(capacity);
            assertThat(stats.evictions()).isPositive();
            assertThat(stats.entries()).isLessThan(500);
            assertThat(db.count("c")).as("eviction never loses data").isEqualTo(500);
            assertThat(db.get("c", "d0")).isEqualTo(doc(0));
        }
    }

    @Test
    void shrinkingTheCapacityEvictsAtOnce() {
        try (GlenDB db = open(CAPACITY)) {
            for (int i = 0; i < 200; i++) {
                db.put("c", "d" + i, doc(i));
                warm(db, "c", "d" + i);
            }
            CacheStats full = db.admin().cacheStats();
            assertThat(full.entries()).isEqualTo(200);
            assertThat(full.evictions()).isZero();

            db.admin().setCacheCapacity(4096);

            CacheStats shrunk = db.admin().cacheStats();
            assertThat(shrunk.capacityBytes()).isEqualTo(4096);
            assertThat(shrunk.sizeBytes()).isLessThanOrEqualTo(4096);
            assertThat(shrunk.entries()).isLessThan(full.entries());
            assertThat(shrunk.evictions()).isPositive();
            assertThat(db.get("c", "d199")).isEqualTo(doc(199));
        }
    }

    @Test
    void growingTheCapacityLetsMoreValuesStay() {
        try (GlenDB db = open(4096)) {
            db.admin().setCacheCapacity(CAPACITY);
            for (int i = 0; i < 200; i++) {
                db.put("c", "d" + i, doc(i));
                warm(db, "c", "d" + i);
            }

            assertThat(db.admin().cacheStats().entries()).isEqualTo(200);
            assertThat(db.admin().cacheStats().capacityBytes()).isEqualTo(CAPACITY);
        }
    }

    @Test
    void capacityZeroDisablesTheCache() {
        try (GlenDB db = open(CAPACITY)) {
            db.put("c", "a", doc(1));
            db.get("c", "a");

            db.admin().setCacheCapacity(0);

            assertThat(db.admin().cacheStats().entries()).isZero();
            assertThat(db.admin().cacheStats().sizeBytes()).isZero();
            long puts = db.admin().cacheStats().puts();
            db.put("c", "b", doc(2));
            long hits = db.admin().cacheStats().hits();
            assertThat(db.get("c", "a")).isEqualTo(doc(1));
            assertThat(db.get("c", "a")).isEqualTo(doc(1));
            assertThat(db.get("c", "b")).isEqualTo(doc(2));
            assertThat(db.admin().cacheStats().puts()).isEqualTo(puts);
            assertThat(db.admin().cacheStats().hits()).isEqualTo(hits);
            assertThat(db.admin().cacheStats().entries()).isZero();
        }
    }

    @Test
    void aDatabaseOpenedWithoutACacheCanEnableOneLater() {
        try (GlenDB db = open(0)) {
            db.put("c", "a", doc(1));
            db.get("c", "a");
            assertThat(db.admin().cacheStats().entries()).isZero();

            db.admin().setCacheCapacity(CAPACITY);
            warm(db, "c", "a");
            db.get("c", "a");

            assertThat(db.admin().cacheStats().entries()).isEqualTo(1);
            assertThat(db.admin().cacheStats().hits()).isEqualTo(1);
        }
    }

    @Test
    void withoutACacheReadsStillReturnEqualValues() {
        try (GlenDB db = open(0)) {
            db.put("c", "a", doc(1));

            assertThat(db.get("c", "a")).isEqualTo(doc(1)).isEqualTo(db.get("c", "a"));
        }
    }

    @Test
    void aNegativeCapacityIsRejected() {
        try (GlenDB db = open(CAPACITY)) {
            assertThatThrownBy(() -> db.admin().setCacheCapacity(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(db.admin().cacheStats().capacityBytes()).isEqualTo(CAPACITY);
        }
        assertThatThrownBy(() -> GlenOptions.builder().cacheCapacityBytes(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsIncludeTheCacheStats() {
        try (GlenDB db = open(CAPACITY)) {
            db.put("c", "a", doc(1));
            db.get("c", "a");

            assertThat(db.stats().cache()).isEqualTo(db.admin().cacheStats());
        }
    }
}
