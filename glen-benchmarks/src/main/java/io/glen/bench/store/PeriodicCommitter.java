package io.glen.bench.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a peer's commit once a second on a daemon thread: the peers' side of Glen's 1 s interval. */
final class PeriodicCommitter implements AutoCloseable {

    private final ScheduledExecutorService timer;

    PeriodicCommitter(String name, Runnable commit) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-commit");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                commit.run();
            } catch (RuntimeException e) {
                System.err.println(name + ": periodic commit failed: " + e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
