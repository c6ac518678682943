package io.glen.spring.boot.actuate;

import io.glen.engine.GlenDB;
import java.nio.file.Files;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of a {@link GlenDB}: UP when it is open, its WAL accepts writes and its directory is
 * writable; DOWN with the reason otherwise. Details: WAL size, segments and the compaction
 * threshold.
 */
public class GlenHealthIndicator extends AbstractHealthIndicator {

    private final GlenDB db;
    private final @Nullable Long walThresholdBytes;

    /** An indicator for {@code db}; {@code walThresholdBytes} is reported when set. */
    public GlenHealthIndicator(GlenDB db, @Nullable Long walThresholdBytes) {
        super("Glen health check failed");
        this.db = db;
        this.walThresholdBytes = walThresholdBytes;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (db.isClosed()) {
            builder.down().withDetail("reason", "database is closed");
            return;
        }
        Throwable failure = db.admin().walFailure();
        if (failure != null) {
            builder.down().withDetail("reason", "the write-ahead log failed and accepts no writes until reopened: "
                    + failure.getMessage());
            return;
        }
        if (!Files.isWritable(db.directory())) {
            builder.down().withDetail("reason", "the data directory is not writable");
            return;
        }
        builder.up().withDetail("walBytes", db.admin().walTotalSize()).withDetail("walSegments", db.stats().walSegments());
        if (walThresholdBytes != null) {
            builder.withDetail("walThresholdBytes", walThresholdBytes);
        }
    }
}
