package io.glen.engine;

import io.glen.engine.io.NioStorageFiles;
import io.glen.engine.io.StorageFiles;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link GlenDB} is tuned. Build with {@link #builder()}; every setting has a default.
 *
 * @param cacheCapacityBytes the value cache's capacity in (estimated) heap bytes; 0 disables it
 * @param walSync when the write-ahead log is forced to stable storage
 * @param walFlushEveryBytes under {@link WalSyncMode#INTERVAL}: force after this many bytes
 * @param walFlushInterval under {@link WalSyncMode#INTERVAL}: force at least this often
 * @param walBackgroundForce under {@link WalSyncMode#INTERVAL}: the force due after
 *     {@code walFlushEveryBytes} runs on the database's WAL thread while writers go on (default);
 *     when false the writer that crosses the threshold forces before it returns, holding the other
 *     writers back. Off, and with a {@code walFlushInterval} that does not elapse, every file
 *     operation happens on a calling thread in program order, which is what a deterministic
 *     fault-injecting {@link StorageFiles} needs. What is promised durable is the same either way.
 * @param walMemoryMapped append to WAL segments by copying into a memory mapping of the file
 *     (default) instead of one {@code write} system call per batch; either way a batch is in the
 *     operating system's page cache before the write returns, so a JVM crash loses nothing
 *     acknowledged, and forces make it durable the same way. Mapping is several times cheaper per
 *     small write; turn it off for file systems that do not support shared mappings well (some
 *     network and FUSE file systems)
 * @param walSegmentBytes start a new WAL segment once the current one reaches this size
 * @param maxDocumentBytes the largest encoded document accepted
 * @param salvageCorruptWal skip corrupt records in the middle of the log instead of refusing to
 *     open (loses the damaged records; off by default)
 * @param maxQueuedChanges how many undelivered changes a subscription may fall behind before it
 *     is closed (so a stuck listener cannot exhaust memory)
 * @param storageFiles the file layer; the real file system unless a test substitutes one
 */
public record GlenOptions(long cacheCapacityBytes, WalSyncMode walSync, long walFlushEveryBytes,
                          Duration walFlushInterval, boolean walBackgroundForce, boolean walMemoryMapped,
                          long walSegmentBytes, int maxDocumentBytes,
                          boolean salvageCorruptWal, int maxQueuedChanges, StorageFiles storageFiles) {

    /** 64 MiB. */
    public static final long DEFAULT_CACHE_CAPACITY_BYTES = 64L << 20;
    /** 8 MiB. */
    public static final long DEFAULT_WAL_FLUSH_EVERY_BYTES = 8L << 20;
    /** One second. */
    public static final Duration DEFAULT_WAL_FLUSH_INTERVAL = Duration.ofSeconds(1);
    /** 64 MiB. */
    public static final long DEFAULT_WAL_SEGMENT_BYTES = 64L << 20;
    /** 16 MiB. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 16 << 20;
    /** 100,000 changes. */
    public static final int DEFAULT_MAX_QUEUED_CHANGES = 100_000;

    /** Validates the settings. */
    public GlenOptions {
        Objects.requireNonNull(walSync, "walSync must not be null");
        Objects.requireNonNull(walFlushInterval, "walFlushInterval must not be null");
        Objects.requireNonNull(storageFiles, "storageFiles must not be null");
        if (cacheCapacityBytes < 0) {
            throw new IllegalArgumentException("cacheCapacityBytes must not be negative: " + cacheCapacityBytes);
        }
        if (walFlushEveryBytes <= 0) {
            throw new IllegalArgumentException("walFlushEveryBytes must be positive: " + walFlushEveryBytes);
        }
        if (walFlushInterval.isNegative() || walFlushInterval.isZero()) {
            throw new IllegalArgumentException("walFlushInterval must be positive: " + walFlushInterval);
        }
        if (walSegmentBytes < 4096) {
            throw new IllegalArgumentException("walSegmentBytes must be at least 4096: " + walSegmentBytes);
        }
        if (maxDocumentBytes < 16) {
            throw new IllegalArgumentException("maxDocumentBytes must be at least 16: " + maxDocumentBytes);
        }
        if (maxQueuedChanges < 1) {
            throw new IllegalArgumentException("maxQueuedChanges must be positive: " + maxQueuedChanges);
        }
    }

    /** The default options. */
    public static GlenOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .cacheCapacityBytes(cacheCapacityBytes)
                .walSync(walSync)
                .walFlushEveryBytes(walFlushEveryBytes)
                .walFlushInterval(walFlushInterval)
                .walBackgroundForce(walBackgroundForce)
                .walMemoryMapped(walMemoryMapped)
                .walSegmentBytes(walSegmentBytes)
                .maxDocumentBytes(maxDocumentBytes)
                .salvageCorruptWal(salvageCorruptWal)
                .maxQueuedChanges(maxQueuedChanges)
                .storageFiles(storageFiles);
    }

    /** Builds {@link GlenOptions}; see the record components for what each setting means. */
    public static final class Builder {
        private long cacheCapacityBytes = DEFAULT_CACHE_CAPACITY_BYTES;
        private WalSyncMode walSync = WalSyncMode.INTERVAL;
        private long walFlushEveryBytes = DEFAULT_WAL_FLUSH_EVERY_BYTES;
        private Duration walFlushInterval = DEFAULT_WAL_FLUSH_INTERVAL;
        private boolean walBackgroundForce = true;
        private boolean walMemoryMapped = true;
        private long walSegmentBytes = DEFAULT_WAL_SEGMENT_BYTES;
        private int maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
        private boolean salvageCorruptWal;
        private int maxQueuedChanges = DEFAULT_MAX_QUEUED_CHANGES;
        private StorageFiles storageFiles = NioStorageFiles.INSTANCE;

        private Builder() {
        }

        /** Cache capacity in estimated heap bytes (default 64 MiB; 0 disables the cache). */
        public Builder cacheCapacityBytes(long bytes) {
            this.cacheCapacityBytes = bytes;
            return this;
        }

        /** WAL sync mode (default {@link WalSyncMode#INTERVAL}). */
        public Builder walSync(WalSyncMode mode) {
            this.walSync = mode;
            return this;
        }

        /** Bytes between forces under INTERVAL (default 8 MiB). */
        public Builder walFlushEveryBytes(long bytes) {
            this.walFlushEveryBytes = bytes;
            return this;
        }

        /** Longest time between forces under INTERVAL (default 1 s). */
        public Builder walFlushInterval(Duration interval) {
            this.walFlushInterval = interval;
            return this;
        }

        /**
         * Under INTERVAL, force on the WAL thread (default true) or on the writer that crosses
         * {@code walFlushEveryBytes} (false: deterministic file-operation order, slower writers).
         */
        public Builder walBackgroundForce(boolean background) {
            this.walBackgroundForce = background;
            return this;
        }

        /** Append to WAL segments through a memory mapping (default true) or with {@code write} calls. */
        public Builder walMemoryMapped(boolean mapped) {
            this.walMemoryMapped = mapped;
            return this;
        }

        /** Size at which a new WAL segment starts (default 64 MiB). */
        public Builder walSegmentBytes(long bytes) {
            this.walSegmentBytes = bytes;
            return this;
        }

        /** Largest encoded document (default 16 MiB). */
        public Builder maxDocumentBytes(int bytes) {
            this.maxDocumentBytes = bytes;
            return this;
        }

        /** Skip corrupt records in the middle of the WAL on open (default false: refuse to open). */
        public Builder salvageCorruptWal(boolean salvage) {
            this.salvageCorruptWal = salvage;
            return this;
        }

        /** Undelivered changes a subscription may queue before it is closed (default 100,000). */
        public Builder maxQueuedChanges(int changes) {
            this.maxQueuedChanges = changes;
            return this;
        }

        /** The file layer (default: the real file system). */
        public Builder storageFiles(StorageFiles files) {
            this.storageFiles = files;
            return this;
        }

        /** Validates and builds. */
        public GlenOptions build() {
            return new GlenOptions(cacheCapacityBytes, walSync, walFlushEveryBytes, walFlushInterval, walBackgroundForce,
                    walMemoryMapped, walSegmentBytes, maxDocumentBytes, salvageCorruptWal, maxQueuedChanges, storageFiles);
        }
    }
}
