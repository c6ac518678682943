package io.glen.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.value.Value;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted caller must neither fail its write nor break the log for everybody else. */
class InterruptedWriterTest {

    @TempDir
    Path dir;

    @Test
    void writeFromAnInterruptedThreadSucceedsAndKeepsTheInterruptStatus() {
        try (GlenDB db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.ALWAYS).build())) {
            Thread.currentThread().interrupt();
            try {
                db.put("c", "a", Value.of(1));
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(db.admin().isWritable()).isTrue();
            db.put("c", "b", Value.of(2));
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.get("c", "a")).isEqualTo(Value.of(1));
            assertThat(db.get("c", "b")).isEqualTo(Value.of(2));
        }
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void writersInterruptedAtRandomNeverPoisonTheLog() throws Exception {
        int threads = 4;
        int perThread = 200;
        AtomicInteger acknowledged = new AtomicInteger();
        try (GlenDB db = GlenDB.open(dir, GlenOptions.builder().walSync(WalSyncMode.ALWAYS).build())) {
            Thread[] workers = new Thread[threads];
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                int id = t;
                workers[t] = new Thread(() -> {
                    try {
                        for (int i = 0; i < perThread; i++) {
                            db.put("c", id + "-" + i, Value.of(i));
                            acknowledged.incrementAndGet();
                            Thread.interrupted();
                        }
                    } finally {
                        done.countDown();
                    }
                });
                workers[t].start();
            }
            while (done.getCount() > 0) {
                for (Thread worker : workers) {
                    worker.interrupt();
                }
                done.await(1, TimeUnit.MILLISECONDS);
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(db.admin().walFailure()).as("the log must not be poisoned by interrupts").isNull();
            assertThat(acknowledged.get()).isEqualTo(threads * perThread);
        }
        try (GlenDB db = GlenDB.open(dir)) {
            assertThat(db.count("c")).isEqualTo(threads * perThread);
        }
    }
}
