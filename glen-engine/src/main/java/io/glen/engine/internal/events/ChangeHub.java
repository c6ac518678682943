package io.glen.engine.internal.events;

import io.glen.engine.events.DocumentChange;
import io.glen.engine.events.Subscription;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Routes committed changes to subscriptions.
 *
 * <p>Threading model: a writer hands its batch of changes to {@link #enqueue} inside the write
 * lock, which fixes commit order, and calls {@link #complete} after the WAL holds the batch as the
 * sync mode requires. Completed batches leave the queue strictly in commit order (a batch waits
 * for every earlier one to complete), and each change is put into the mailbox of every matching
 * subscription. Listeners run on Glen's listener threads ({@code glen-listener-N}), one mailbox at
 * a time per subscription, so a subscription sees its changes in commit order and never
 * concurrently. Writers never run listener code and never wait for it: a slow listener only
 * delays its own mailbox, a throwing one is logged and counted, and one that falls more than
 * {@code maxQueued} changes behind is closed (logged) so it cannot exhaust memory.
 */
public final class ChangeHub implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChangeHub.class.getName());
    private static final int PENDING = 0;
    private static final int READY = 1;
    private static final int FAILED = 2;

    /** A batch of one commit's changes on its way to the subscriptions. */
    public static final class Batch {
        private final List<DocumentChange> changes;
        private volatile int state = PENDING;

        Batch(List<DocumentChange> changes) {
            this.changes = changes;
        }
    }

    private record DocKey(String collection, String id) {
    }

    private final int maxQueued;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Batch> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final CopyOnWriteArrayList<Sub> everything = new CopyOnWriteArrayList<>();
    private final Map<String, CopyOnWriteArrayList<Sub>> byCollection = new ConcurrentHashMap<>();
    private final Map<DocKey, CopyOnWriteArrayList<Sub>> byDocument = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder listenerErrors = new LongAdder();
    private final LongAdder overflows = new LongAdder();
    private volatile boolean closed;

    /** A hub whose subscriptions may queue at most {@code maxQueued} undelivered changes each. */
    public ChangeHub(int maxQueued) {
        this.maxQueued = maxQueued;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "glen-listener-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Whether any subscription exists; writers skip building changes otherwise. */
    public boolean hasSubscribers() {
        return active.get() > 0;
    }

    /** Queues a commit's changes in commit order; call under the write lock. */
    public Batch enqueue(List<DocumentChange> changes) {
        Batch batch = new Batch(changes);
        queue.add(batch);
        return batch;
    }

    /** Marks a batch durable (deliver) or failed (drop), then delivers what is ready. */
    public void complete(Batch batch, boolean durable) {
        batch.state = durable ? READY : FAILED;
        drain();
    }

    private void drain() {
        while (draining.compareAndSet(false, true)) {
            try {
                Batch head;
                while ((head = queue.peek()) != null && head.state != PENDING) {
                    queue.poll();
                    if (head.state == READY) {
                        route(head.changes);
                    }
                }
            } finally {
                draining.set(false);
            }
            Batch head = queue.peek();
            if (head == null || head.state == PENDING) {
                return;
            }
        }
    }

    private void route(List<DocumentChange> changes) {
        for (DocumentChange change : changes) {
            for (Sub sub : everything) {
                sub.offer(change);
            }
            List<Sub> collectionSubs = byCollection.get(change.collection());
            if (collectionSubs != null) {
                for (Sub sub : collectionSubs) {
                    sub.offer(change);
                }
            }
            List<Sub> documentSubs = byDocument.get(new DocKey(change.collection(), change.id()));
            if (documentSubs != null) {
                for (Sub sub : documentSubs) {
                    sub.offer(change);
                }
            }
        }
    }

    /** Subscribes to every change (any collection). */
    public Subscription subscribeAll(Consumer<DocumentChange> handler) {
        return register(everything, handler, "all changes");
    }

    /** Subscribes to the changes of one collection. */
    public Subscription subscribeCollection(String collection, Consumer<DocumentChange> handler) {
        return register(byCollection.computeIfAbsent(collection, c -> new CopyOnWriteArrayList<>()), handler,
                "collection " + collection);
    }

    /** Subscribes to the changes of one document. */
    public Subscription subscribeDocument(String collection, String id, Consumer<DocumentChange> handler) {
        return register(byDocument.computeIfAbsent(new DocKey(collection, id), k -> new CopyOnWriteArrayList<>()),
                handler, "document " + collection + "/" + id);
    }

    private Subscription register(CopyOnWriteArrayList<Sub> list, Consumer<DocumentChange> handler, String what) {
        if (closed) {
            throw new io.glen.engine.GlenClosedException("the database is closed");
        }
        Sub sub = new Sub(list, handler, what);
        list.add(sub);
        active.incrementAndGet();
        return sub;
    }

    /** Listener invocations that threw. */
    public long listenerErrors() {
        return listenerErrors.sum();
    }

    /** Subscriptions closed because they fell too far behind. */
    public long overflows() {
        return overflows.sum();
    }

    /** Active subscriptions. */
    public int subscriptionCount() {
        return active.get();
    }

    /**
     * Delivers what the subscriptions have already queued (waiting at most 5 seconds for slow
     * listeners), then closes every subscription.
     */
    @Override
    public void close() {
        closed = true;
        drain();
        List<Sub> all = new java.util.ArrayList<>(everything);
        byCollection.values().forEach(all::addAll);
        byDocument.values().forEach(all::addAll);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean interrupted = false;
        for (Sub sub : all) {
            while (sub.busy() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(1); // bounded wait for a listener thread, not synchronization of data
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
        }
        all.forEach(Sub::close);
        executor.shutdown();
        try {
            executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One subscription with its mailbox, drained by one listener thread at a time. */
    private final class Sub implements Subscription, Runnable {
        private final CopyOnWriteArrayList<Sub> home;
        private final Consumer<DocumentChange> handler;
        private final String what;
        private final ConcurrentLinkedQueue<DocumentChange> mailbox = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean open = true;

        Sub(CopyOnWriteArrayList<Sub> home, Consumer<DocumentChange> handler, String what) {
            this.home = home;
            this.handler = handler;
            this.what = what;
        }

        void offer(DocumentChange change) {
            if (!open) {
                return;
            }
            if (queued.incrementAndGet() > maxQueued) {
                overflows.increment();
                LOG.log(System.Logger.Level.ERROR, "Glen subscription to " + what + " fell more than " + maxQueued
                        + " changes behind and was closed");
                close();
                return;
            }
            mailbox.add(change);
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                try {
                    executor.execute(this);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    scheduled.set(false);
                }
            }
        }

        @Override
        public void run() {
            try {
                DocumentChange change;
                int delivered = 0;
                while (open && delivered < 256 && (change = mailbox.poll()) != null) {
                    queued.decrementAndGet();
                    delivered++;
                    try {
                        handler.accept(change);
                    } catch (Throwable t) {
                        listenerErrors.increment();
                        LOG.log(System.Logger.Level.WARNING, "Glen listener for " + what + " threw on " + change, t);
                        if (t instanceof VirtualMachineError error) {
                            throw error;
                        }
                    }
                }
            } finally {
                scheduled.set(false);
                if (open && !mailbox.isEmpty()) {
                    schedule();
                }
            }
        }

        /** Whether changes are queued or being delivered. */
        boolean busy() {
            return open && (queued.get() > 0 || scheduled.get());
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                if (home.remove(this)) {
                    active.decrementAndGet();
                }
                mailbox.clear();
            }
        }

        @Override
        public boolean isActive() {
            return open;
        }

        @Override
        public String toString() {
            return "Subscription[" + what + (open ? "" : ", closed") + "]";
        }
    }
}
