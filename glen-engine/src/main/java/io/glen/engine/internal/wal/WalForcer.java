package io.glen.engine.internal.wal;

import io.glen.engine.GlenException;
import io.glen.engine.GlenStorageException;
import io.glen.engine.WalSyncMode;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The WAL thread ({@code glen-wal-sync}): group commit and the force policy.
 *
 * <p>Under {@link WalSyncMode#ALWAYS} a writer that appended its record registers as a waiter
 * and parks; this thread forces whatever is written and unparks every waiter the force covered,
 * then forces again at once if more waiters arrived meanwhile. So forces run back to back while
 * writers keep appending, and no writer has to be woken to lead the next force. Under
 * {@link WalSyncMode#INTERVAL} it forces when a writer crossed {@code flushEveryBytes} (if
 * forces run in the background) and every {@code flushInterval}. It also runs small background
 * tasks (raising the LSN high-water mark ahead of need).
 *
 * <p>A failed force poisons the log (in {@link WalWriter#forceWritten}); waiters then wake and
 * throw.
 */
final class WalForcer implements Runnable {

    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long WAITER_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A writer waiting for its record to be durable. */
    private record Waiter(Thread thread, long lsn) {
    }

    private final WalWriter wal;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean forceRequested = new AtomicBoolean();
    private final long intervalNanos;
    private volatile boolean stopping;

    WalForcer(WalWriter wal, long intervalNanos) {
        this.wal = wal;
        this.intervalNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), intervalNanos);
        this.thread = new Thread(this, "glen-wal-sync");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Returns once {@code lsn} is durable.
     *
     * @throws GlenStorageException when the log is poisoned first
     */
    void awaitDurable(long lsn) {
        if (wal.durableLsn() >= lsn) {
            return;
        }
        waiters.add(new Waiter(Thread.currentThread(), lsn));
        LockSupport.unpark(thread);
        boolean interrupted = false;
        try {
            while (wal.durableLsn() < lsn) {
                wal.failIfUnusable();
                // Bounded: a safety net only; the WAL thread (or close) unparks every waiter it covers.
                LockSupport.parkNanos(this, WAITER_PARK_NANOS);
                interrupted |= Thread.interrupted();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks for a force soon (interval mode's byte threshold). */
    void requestForce() {
        if (forceRequested.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    /** Runs {@code task} on this thread; false when it is stopping. */
    boolean execute(Runnable task) {
        if (stopping) {
            return false;
        }
        tasks.add(task);
        LockSupport.unpark(thread);
        return true;
    }

    /**
     * Stops the thread and waits for it: a force it is running completes (interrupting it inside
     * {@code FileChannel.force} would close the file under it and poison the log).
     */
    void stop() {
        stopping = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the caller is this thread. */
    boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void run() {
        long lastForce = System.nanoTime();
        try {
            while (!stopping) {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                long now = System.nanoTime();
                boolean unforced = wal.writtenLsn() > wal.durableLsn();
                boolean timerDue = wal.syncMode() == WalSyncMode.INTERVAL && now - lastForce >= intervalNanos;
                boolean requested = forceRequested.getAndSet(false);
                if (unforced && (!waiters.isEmpty() || requested || timerDue) && !wal.isPoisoned()) {
                    try {
                        wal.forceWritten();
                    } catch (GlenException e) {
                        // Poisoned: waiters wake and throw; the next write, sync or close reports it.
                        wal.noteBackgroundFailure();
                    }
                    lastForce = System.nanoTime();
                    wake();
                    continue;
                }
                if (timerDue) {
                    lastForce = now;
                }
                if (!waiters.isEmpty()) {
                    wake();
                }
                if (waiters.isEmpty() && tasks.isEmpty() && !forceRequested.get() && !stopping) {
                    long untilTimer = intervalNanos - (System.nanoTime() - lastForce);
                    LockSupport.parkNanos(this, wal.syncMode() == WalSyncMode.INTERVAL
                            ? Math.max(untilTimer, 1) : IDLE_PARK_NANOS);
                } else if (waiters.isEmpty() || wal.writtenLsn() <= wal.durableLsn()) {
                    Thread.yield();
                }
            }
        } finally {
            stopping = true;
            for (Waiter waiter : waiters) {
                LockSupport.unpark(waiter.thread());
            }
        }
    }

    /** Unparks every waiter (after close forced everything, with this thread stopped). */
    void wakeAll() {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            LockSupport.unpark(it.next().thread());
            it.remove();
        }
    }

    /** Unparks every waiter whose record is durable (all of them once the log is poisoned). */
    private void wake() {
        long durable = wal.durableLsn();
        boolean poisoned = wal.isPoisoned();
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.lsn() <= durable || poisoned) {
                it.remove();
                LockSupport.unpark(waiter.thread());
            }
        }
    }
}
