package io.glen.spring.boot.autoconfigure;

import io.glen.engine.GlenDB;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Compacts the database in the background when its WAL grows past a threshold and/or on a fixed
 * period. Stops before the database closes (it is a {@link SmartLifecycle}); a failing compaction
 * is logged and retried at the next check.
 */
public class GlenBackgroundCompaction implements SmartLifecycle {

    private static final System.Logger LOG = System.getLogger(GlenBackgroundCompaction.class.getName());

    private final GlenDB db;
    private final @Nullable Long walThresholdBytes;
    private final @Nullable Duration interval;
    private final Duration checkInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private @Nullable ScheduledExecutorService executor;
    private volatile long lastCompactionNanos = System.nanoTime();

    /**
     * A scheduler; with neither a threshold nor an interval it does nothing.
     *
     * @param walThresholdBytes compact once the WAL is at least this big, or null
     * @param interval compact at least this often, or null
     * @param checkInterval how often to check
     */
    public GlenBackgroundCompaction(GlenDB db, @Nullable Long walThresholdBytes, @Nullable Duration interval,
                                    Duration checkInterval) {
        this.db = db;
        this.walThresholdBytes = walThresholdBytes;
        this.interval = interval;
        this.checkInterval = interval != null && interval.compareTo(checkInterval) < 0 ? interval : checkInterval;
    }

    /** Whether a threshold or an interval is configured. */
    public boolean isEnabled() {
        return walThresholdBytes != null || interval != null;
    }

    /** Runs one check now: compacts if the threshold is crossed or the interval has passed. */
    public boolean checkNow() {
        boolean due = (walThresholdBytes != null && db.admin().walTotalSize() >= walThresholdBytes)
                || (interval != null && System.nanoTime() - lastCompactionNanos >= interval.toNanos());
        if (!due || db.isClosed() || db.admin().isCompacting()) {
            return false;
        }
        try {
            db.admin().compact();
            lastCompactionNanos = System.nanoTime();
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "background compaction of " + db + " failed; retrying later", e);
            return false;
        }
    }

    @Override
    public void start() {
        if (!isEnabled() || !running.compareAndSet(false, true)) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "glen-compaction");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, checkInterval.toMillis());
        scheduler.scheduleWithFixedDelay(this::checkNow, period, period, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false) && executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
