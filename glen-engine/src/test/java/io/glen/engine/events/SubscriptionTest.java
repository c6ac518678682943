package io.glen.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.Txn;
import io.glen.engine.value.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionTest {

    @TempDir
    Path dir;

    GlenDB db;

    @BeforeEach
    void open() {
        db = GlenDB.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(10, TimeUnit.SECONDS);
        assertThat(item).as("an event arrives").isNotNull();
        return item;
    }

    @Test
    void documentSubscriptionSeesInsertUpdateDeleteWithOldAndNew() throws Exception {
        BlockingQueue<DocumentChange> events = new LinkedBlockingQueue<>();
        db.subscribe("c", "x", events::add);
        long v1 = db.put("c", "x", Value.of(1));
        db.put("c", "other", Value.of(9));
        long v2 = db.put("c", "x", Value.of(2));
        db.delete("c", "x");

        DocumentChange insert = next(events);
        assertThat(insert.type()).isEqualTo(ChangeType.INSERT);
        assertThat(insert.oldValue()).isNull();
        assertThat(insert.newValue()).isEqualTo(Value.of(1));
        assertThat(insert.newVersion()).isEqualTo(v1);
        DocumentChange update = next(events);
        assertThat(update.type()).isEqualTo(ChangeType.UPDATE);
        assertThat(update.oldValue()).isEqualTo(Value.of(1));
        assertThat(update.oldVersion()).isEqualTo(v1);
        assertThat(update.newVersion()).isEqualTo(v2);
        DocumentChange delete = next(events);
        assertThat(delete.type()).isEqualTo(ChangeType.DELETE);
        assertThat(delete.oldValue()).isEqualTo(Value.of(2));
        assertThat(delete.newValue()).isNull();
        assertThat(events.poll(100, TimeUnit.MILLISECONDS)).as("nothing about other documents").isNull();
    }

    @Test
    void fieldSubscriptionFiresOnlyWhenThePathChanges() throws Exception {
        BlockingQueue<FieldChange> events = new LinkedBlockingQueue<>();
        db.subscribeField("c", "x", "address.city", events::add);
        db.put("c", "x", Value.object().put("name", "a").put("address", Value.object().put("city", "Oslo").build()).build());
        db.put("c", "x", Value.object().put("name", "b").put("address", Value.object().put("city", "Oslo").build()).build());
        db.put("c", "x", Value.object().put("name", "b").put("address", Value.object().put("city", "Rome").build()).build());
        db.delete("c", "x");

        FieldChange first = next(events);
        assertThat(first.oldValue()).isNull();
        assertThat(first.newValue()).isEqualTo(Value.of("Oslo"));
        FieldChange second = next(events);
        assertThat(second.oldValue()).isEqualTo(Value.of("Oslo"));
        assertThat(second.newValue()).isEqualTo(Value.of("Rome"));
        FieldChange third = next(events);
        assertThat(third.oldValue()).isEqualTo(Value.of("Rome"));
        assertThat(third.newValue()).isNull();
        assertThat(events.poll(100, TimeUnit.MILLISECONDS)).as("the name change alone fired nothing").isNull();
    }

    @Test
    void deltaSubscriptionReportsSetReplaceDeleteAndAppend() throws Exception {
        BlockingQueue<FieldDeltaEvent> events = new LinkedBlockingQueue<>();
        db.subscribeFieldDelta("c", "x", "p", events::add);
        db.put("c", "x", Value.object().put("p", Value.object().put("a", 1).put("tags", Value.array(Value.of("t1"))).build()).build());
        db.put("c", "x", Value.object().put("p", Value.object().put("a", 2).put("b", true)
                .put("tags", Value.array(Value.of("t1"), Value.of("t2"))).build()).build());
        db.put("c", "x", Value.object().put("p", Value.object().put("b", true)
                .put("tags", Value.array(Value.of("z"))).build()).build());

        assertThat(next(events).deltas()).containsExactly(new FieldDelta(FieldDelta.Kind.SET, "p", null,
                Value.object().put("a", 1).put("tags", Value.array(Value.of("t1"))).build()));
        assertThat(next(events).deltas()).containsExactly(
                new FieldDelta(FieldDelta.Kind.REPLACE, "p.a", Value.of(1), Value.of(2)),
                new FieldDelta(FieldDelta.Kind.SET, "p.b", null, Value.TRUE),
                new FieldDelta(FieldDelta.Kind.APPEND, "p.tags", Value.array(Value.of("t1")), Value.array(Value.of("t2"))));
        assertThat(next(events).deltas()).containsExactly(
                new FieldDelta(FieldDelta.Kind.DELETE, "p.a", Value.of(2), null),
                new FieldDelta(FieldDelta.Kind.REPLACE, "p.tags", Value.array(Value.of("t1"), Value.of("t2")),
                        Value.array(Value.of("z"))));
    }

    @Test
    void transactionNotifiesOncePerChangedDocumentWithOneLsn() throws Exception {
        BlockingQueue<DocumentChange> events = new LinkedBlockingQueue<>();
        db.subscribeCollection("c", events::add);
        Txn t = db.beginTxn();
        t.put("c", "a", Value.of(1)).put("c", "b", Value.of(2)).put("c", "a", Value.of(3)).delete("c", "never");
        long version = t.commit().version();
        DocumentChange first = next(events);
        DocumentChange second = next(events);
        assertThat(List.of(first.id(), second.id())).containsExactlyInAnyOrder("a", "b");
        assertThat(first.lsn()).isEqualTo(version).isEqualTo(second.lsn());
        assertThat(events.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aThrowingListenerBreaksNeitherTheWriterNorOtherListeners() throws Exception {
        BlockingQueue<DocumentChange> healthy = new LinkedBlockingQueue<>();
        db.subscribeCollection("c", change -> {
            throw new IllegalStateException("listener bug");
        });
        db.subscribeCollection("c", healthy::add);
        for (int i = 0; i < 5; i++) {
            db.put("c", "k" + i, Value.of(i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(next(healthy).id()).isEqualTo("k" + i);
        }
        assertThat(db.count("c")).isEqualTo(5);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.stats().listenerErrors() < 5 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(db.stats().listenerErrors()).isEqualTo(5);
    }

    @Test
    void aBlockedListenerDoesNotBlockWritersAndCatchesUpInOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(200);
        db.subscribeCollection("c", change -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(change.newValue().asLong());
            all.countDown();
        });
        for (int i = 0; i < 200; i++) {
            db.put("c", "k", Value.of(i));
        }
        assertThat(seen).as("writers finished while the listener is blocked").isEmpty();
        release.countDown();
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void concurrentWritersOfOneDocumentAreHeardInCommitOrder() throws Exception {
        int threads = 6;
        int each = 300;
        List<Long> lsns = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(threads * each);
        db.subscribe("c", "hot", change -> {
            lsns.add(change.lsn());
            all.countDown();
        });
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    db.put("c", "hot", Value.of(id * 1000 + i));
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
        long[] order = lsns.stream().mapToLong(Long::longValue).toArray();
        long[] sorted = order.clone();
        Arrays.sort(sorted);
        assertThat(order).isEqualTo(sorted);
        assertThat(order).doesNotHaveDuplicates().hasSize(threads * each);
    }

    @Test
    void aListenerFallingTooFarBehindIsClosedWithoutHurtingWriters() throws Exception {
        db.close();
        db = GlenDB.open(dir, GlenOptions.builder().maxQueuedChanges(10).build());
        CountDownLatch release = new CountDownLatch(1);
        Subscription slow = db.subscribeCollection("c", change -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 50; i++) {
            db.put("c", "k" + i, Value.of(i));
        }
        assertThat(slow.isActive()).isFalse();
        assertThat(db.count("c")).isEqualTo(50);
        release.countDown();
    }

    @Test
    void closingASubscriptionStopsDeliveries() throws Exception {
        BlockingQueue<DocumentChange> events = new LinkedBlockingQueue<>();
        Subscription subscription = db.subscribe("c", "x", events::add);
        db.put("c", "x", Value.of(1));
        next(events);
        subscription.close();
        subscription.close();
        assertThat(subscription.isActive()).isFalse();
        db.put("c", "x", Value.of(2));
        assertThat(events.poll(100, TimeUnit.MILLISECONDS)).isNull();
        assertThat(db.stats().subscriptions()).isZero();
    }

    @Test
    void streamSubscriptionWritesFramesTheReaderDecodes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CountDownLatch written = new CountDownLatch(3);
        Subscription stream = db.subscribeStream("c", null, out);
        db.subscribeCollection("c", change -> written.countDown());
        db.put("c", "a", Value.object().put("n", 1).build());
        db.putMany("c", Map.of("b", Value.of("bee")));
        db.delete("c", "a");
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        db.close();
        assertThat(stream.isActive()).isFalse();

        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        DocumentChange a = ChangeStreamFormat.read(in);
        DocumentChange b = ChangeStreamFormat.read(in);
        DocumentChange gone = ChangeStreamFormat.read(in);
        assertThat(ChangeStreamFormat.read(in)).isNull();
        assertThat(a.type()).isEqualTo(ChangeType.INSERT);
        assertThat(a.newValue()).isEqualTo(Value.object().put("n", 1).build());
        assertThat(b.id()).isEqualTo("b");
        assertThat(b.newValue()).isEqualTo(Value.of("bee"));
        assertThat(gone.type()).isEqualTo(ChangeType.DELETE);
        assertThat(gone.oldValue()).isEqualTo(Value.object().put("n", 1).build());
        assertThat(gone.oldVersion()).isEqualTo(a.lsn());

        byte[] bytes = out.toByteArray();
        java.util.Set<Integer> boundaries = new java.util.HashSet<>();
        ByteArrayInputStream whole = new ByteArrayInputStream(bytes);
        while (ChangeStreamFormat.read(whole) != null) {
            boundaries.add(bytes.length - whole.available());
        }
        for (int cut = 1; cut < bytes.length; cut++) {
            ByteArrayInputStream truncated = new ByteArrayInputStream(Arrays.copyOf(bytes, cut));
            int frames = 0;
            if (boundaries.contains(cut)) {
                while (ChangeStreamFormat.read(truncated) != null) {
                    frames++;
                }
                assertThat(frames).as("a cut at a frame boundary ends cleanly").isPositive();
            } else {
                assertThatThrownBy(() -> {
                    while (ChangeStreamFormat.read(truncated) != null) {
                        // read until the damage
                    }
                }).as("cut at %d", cut).isInstanceOf(GlenCorruptionException.class);
            }
        }
        byte[] flipped = bytes.clone();
        flipped[flipped.length - 2] ^= 1;
        ByteArrayInputStream damaged = new ByteArrayInputStream(flipped);
        ChangeStreamFormat.read(damaged);
        ChangeStreamFormat.read(damaged);
        assertThatThrownBy(() -> ChangeStreamFormat.read(damaged)).isInstanceOf(GlenCorruptionException.class);
        db = GlenDB.open(dir);
    }
}
