package io.glen.spring.boot.actuate;

import io.glen.engine.CacheStats;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters of a {@link GlenDB}: cache gets (hit/miss), puts, evictions and size; WAL
 * bytes, segments and syncs; documents per collection; commits, conflicts, puts, deletes;
 * listener errors; the last compaction's duration. Per-collection gauges appear for collections
 * created after binding as soon as the WAL gauge is next read.
 */
public class GlenMetrics implements MeterBinder {

    private final GlenDB db;
    private final Set<String> boundCollections = ConcurrentHashMap.newKeySet();

    /** Meters for {@code db}. */
    public GlenMetrics(GlenDB db) {
        this.db = db;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "glen.cache.gets", "Cache reads", s -> s.cache().hits(), "result", "hit");
        counter(registry, "glen.cache.gets", "Cache reads", s -> s.cache().misses(), "result", "miss");
        counter(registry, "glen.cache.puts", "Values added to the cache", s -> s.cache().puts());
        counter(registry, "glen.cache.evictions", "Values evicted from the cache", s -> s.cache().evictions());
        Gauge.builder("glen.cache.size", db, d -> cache(d).sizeBytes()).description("Estimated bytes cached")
                .baseUnit("bytes").register(registry);
        Gauge.builder("glen.wal.size", db, d -> {
            bindNewCollections(registry);
            return d.isClosed() ? 0 : d.admin().walTotalSize();
        }).description("Bytes in WAL segments").baseUnit("bytes").register(registry);
        Gauge.builder("glen.wal.segments", db, d -> stats(d).walSegments()).description("WAL segment files")
                .register(registry);
        counter(registry, "glen.wal.syncs", "WAL forces to stable storage", GlenStats::walSyncs);
        counter(registry, "glen.commits", "Committed transactions", GlenStats::commits);
        counter(registry, "glen.conflicts", "Transactions ended in a conflict", GlenStats::conflicts);
        counter(registry, "glen.puts", "Documents written", GlenStats::puts);
        counter(registry, "glen.deletes", "Documents deleted", GlenStats::deletes);
        counter(registry, "glen.listener.errors", "Listener invocations that threw", GlenStats::listenerErrors);
        TimeGauge.builder("glen.compaction.last.duration", db, TimeUnit.MILLISECONDS,
                d -> {
                    GlenStats s = stats(d);
                    return s.lastCompactionDuration() == null ? 0 : s.lastCompactionDuration().toMillis();
                }).description("Duration of the last compaction").register(registry);
        bindNewCollections(registry);
    }

    private void bindNewCollections(MeterRegistry registry) {
        if (db.isClosed()) {
            return;
        }
        for (String collection : db.collections()) {
            if (boundCollections.add(collection)) {
                Gauge.builder("glen.documents", db, d -> d.isClosed() ? 0 : d.count(collection))
                        .description("Documents in a collection").tag("collection", collection).register(registry);
            }
        }
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<GlenStats> f,
                         String... tags) {
        FunctionCounter.builder(name, db, d -> f.applyAsDouble(stats(d))).description(description).tags(tags)
                .register(registry);
    }

    private static GlenStats stats(GlenDB db) {
        return db.stats();
    }

    private static CacheStats cache(GlenDB db) {
        return db.admin().cacheStats();
    }
}
