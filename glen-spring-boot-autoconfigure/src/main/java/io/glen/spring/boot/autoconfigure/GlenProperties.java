package io.glen.spring.boot.autoconfigure;

import io.glen.engine.WalSyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Glen's settings under the {@code glen} prefix. Checked when the context starts: a bad value
 * fails startup with the property's name.
 */
@ConfigurationProperties(prefix = "glen")
public class GlenProperties implements Validator {

    /** Data directory; relative paths resolve against the working directory. */
    private Path dir = Path.of("glen-data");

    /** Largest encoded document accepted. */
    private DataSize maxDocumentSize = DataSize.ofMegabytes(16);

    private final Cache cache = new Cache();
    private final Wal wal = new Wal();
    private final Compaction compaction = new Compaction();
    private final Events events = new Events();
    private final Transactions transactions = new Transactions();

    /**
     * Indexes to create at startup, per collection: index name to the field paths it covers (one
     * path: single-field; several: composite). Existing indexes with the same paths are kept.
     */
    private Map<String, Map<String, List<String>>> indexes = new LinkedHashMap<>();

    public Path getDir() {
        return dir;
    }

    public void setDir(Path dir) {
        this.dir = dir;
    }

    public DataSize getMaxDocumentSize() {
        return maxDocumentSize;
    }

    public void setMaxDocumentSize(DataSize maxDocumentSize) {
        this.maxDocumentSize = maxDocumentSize;
    }

    public Cache getCache() {
        return cache;
    }

    public Wal getWal() {
        return wal;
    }

    public Compaction getCompaction() {
        return compaction;
    }

    public Events getEvents() {
        return events;
    }

    public Transactions getTransactions() {
        return transactions;
    }

    public Map<String, Map<String, List<String>>> getIndexes() {
        return indexes;
    }

    public void setIndexes(Map<String, Map<String, List<String>>> indexes) {
        this.indexes = indexes;
    }

    /** The value cache. */
    public static class Cache {

        /** Capacity of the decoded-value cache in estimated heap bytes; 0 disables it. */
        private DataSize capacity = DataSize.ofMegabytes(64);

        public DataSize getCapacity() {
            return capacity;
        }

        public void setCapacity(DataSize capacity) {
            this.capacity = capacity;
        }
    }

    /** The write-ahead log. */
    public static class Wal {

        /**
         * When the log is forced to disk: 'always' (before each write returns; concurrent writers
         * share one force), 'interval' (every flush-every bytes and flush-interval), or 'none'.
         */
        private WalSyncMode sync = WalSyncMode.INTERVAL;

        /** Under 'interval': force after this many bytes. */
        private DataSize flushEvery = DataSize.ofMegabytes(8);

        /** Under 'interval': force at least this often. */
        private Duration flushInterval = Duration.ofSeconds(1);

        /**
         * Under 'interval': run the force due after flush-every bytes on the WAL thread while
         * writers go on (true), or on the writer that crosses the threshold, holding the others
         * back (false: about flush-every bytes at most are ever unforced; writes are slower).
         */
        private boolean backgroundForce = true;

        /**
         * Append to WAL segments by copying into a memory mapping of the file (true) or with one
         * write system call per batch (false, for file systems without good shared-mapping
         * support, such as some network or FUSE mounts). Durability is the same either way.
         */
        private boolean memoryMapped = true;

        /** Start a new WAL segment file at this size. */
        private DataSize segmentSize = DataSize.ofMegabytes(64);

        /** Skip corrupt records in the middle of the log on startup instead of failing (loses them). */
        private boolean salvage = false;

        public WalSyncMode getSync() {
            return sync;
        }

        public void setSync(WalSyncMode sync) {
            this.sync = sync;
        }

        public DataSize getFlushEvery() {
            return flushEvery;
        }

        public void setFlushEvery(DataSize flushEvery) {
            this.flushEvery = flushEvery;
        }

        public Duration getFlushInterval() {
            return flushInterval;
        }

        public void setFlushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
        }

        public boolean isBackgroundForce() {
            return backgroundForce;
        }

        public void setBackgroundForce(boolean backgroundForce) {
            this.backgroundForce = backgroundForce;
        }

        public boolean isMemoryMapped() {
            return memoryMapped;
        }

        public void setMemoryMapped(boolean memoryMapped) {
            this.memoryMapped = memoryMapped;
        }

        public DataSize getSegmentSize() {
            return segmentSize;
        }

        public void setSegmentSize(DataSize segmentSize) {
            this.segmentSize = segmentSize;
        }

        public boolean isSalvage() {
            return salvage;
        }

        public void setSalvage(boolean salvage) {
            this.salvage = salvage;
        }
    }

    /** Background compaction. */
    public static class Compaction {

        /** Compact in the background once the WAL grows beyond this size; unset disables it. */
        private @Nullable DataSize walThreshold;

        /** Also compact on this fixed period; unset disables it. */
        private @Nullable Duration interval;

        /** How often the WAL size is compared with wal-threshold. */
        private Duration checkInterval = Duration.ofSeconds(10);

        public @Nullable DataSize getWalThreshold() {
            return walThreshold;
        }

        public void setWalThreshold(@Nullable DataSize walThreshold) {
            this.walThreshold = walThreshold;
        }

        public @Nullable Duration getInterval() {
            return interval;
        }

        public void setInterval(@Nullable Duration interval) {
            this.interval = interval;
        }

        public Duration getCheckInterval() {
            return checkInterval;
        }

        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }
    }

    /** Change events. */
    public static class Events {

        /** Publish every committed change as an ApplicationEvent for @EventListener methods. */
        private boolean enabled = true;

        /** How many undelivered changes a subscription may queue before it is closed. */
        private int maxQueued = 100_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxQueued() {
            return maxQueued;
        }

        public void setMaxQueued(int maxQueued) {
            this.maxQueued = maxQueued;
        }
    }

    /** GlenTemplate transactions. */
    public static class Transactions {

        /**
         * How many times GlenTemplate.inTransaction runs a transaction that keeps conflicting (outside
         * a Spring-managed transaction; inside one it runs once and the Spring transaction commits it).
         */
        private int maxAttempts = 10;

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return GlenProperties.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        GlenProperties p = (GlenProperties) target;
        nonNegative(errors, "cache.capacity", p.cache.capacity);
        positive(errors, "max-document-size", p.maxDocumentSize);
        positive(errors, "wal.flush-every", p.wal.flushEvery);
        positive(errors, "wal.flush-interval", p.wal.flushInterval);
        if (p.wal.segmentSize == null || p.wal.segmentSize.toBytes() < 4096) {
            errors.rejectValue("wal.segmentSize", "glen.tooSmall", "glen.wal.segment-size must be at least 4KB");
        }
        if (p.maxDocumentSize != null && p.maxDocumentSize.toBytes() > Integer.MAX_VALUE) {
            errors.rejectValue("maxDocumentSize", "glen.tooLarge", "glen.max-document-size must be below 2GB");
        }
        if (p.compaction.walThreshold != null) {
            positive(errors, "compaction.wal-threshold", p.compaction.walThreshold);
        }
        if (p.compaction.interval != null) {
            positive(errors, "compaction.interval", p.compaction.interval);
        }
        positive(errors, "compaction.check-interval", p.compaction.checkInterval);
        if (p.events.maxQueued < 1) {
            errors.rejectValue("events.maxQueued", "glen.notPositive", "glen.events.max-queued must be positive");
        }
        if (p.transactions.maxAttempts < 1) {
            errors.rejectValue("transactions.maxAttempts", "glen.notPositive",
                    "glen.transactions.max-attempts must be at least 1");
        }
        if (p.dir == null || p.dir.toString().isBlank()) {
            errors.rejectValue("dir", "glen.empty", "glen.dir must name a directory");
        }
    }

    private static void nonNegative(Errors errors, String name, @Nullable DataSize size) {
        if (size == null || size.isNegative()) {
            errors.rejectValue(camel(name), "glen.negative", "glen." + name + " must not be negative");
        }
    }

    private static void positive(Errors errors, String name, @Nullable DataSize size) {
        if (size == null || size.toBytes() <= 0) {
            errors.rejectValue(camel(name), "glen.notPositive", "glen." + name + " must be positive");
        }
    }

    private static void positive(Errors errors, String name, @Nullable Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            errors.rejectValue(camel(name), "glen.notPositive", "glen." + name + " must be positive");
        }
    }

    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
