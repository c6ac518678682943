package io.glen.engine.internal.store;

import io.glen.engine.DocumentKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks by document, which order the writes of each document: a writer holds the
 * stripes of every document of its batch from validation through the log append to the apply, so
 * two writes of one document apply in LSN order and a guard's view of its documents cannot change
 * before the batch lands, while writers of different documents only meet in the log's short append
 * section. Stripes are always taken in ascending order (no deadlock); taking all of them stops
 * every writer (snapshot cuts, index builds, close).
 */
final class DocumentLocks {

    private static final int STRIPES = 256;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    DocumentLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    private static int stripe(String collection, String id) {
        int h = collection.hashCode() * 31 + id.hashCode();
        h ^= h >>> 16;
        return h & (STRIPES - 1);
    }

    /** Locks the stripe of one document; returns it for {@link #unlock(int)}. */
    int lock(String collection, String id) {
        int stripe = stripe(collection, id);
        stripes[stripe].lock();
        return stripe;
    }

    void unlock(int stripe) {
        stripes[stripe].unlock();
    }

    /**
     * Locks the stripes of every mutation's document and of every document in {@code reads}, in
     * order; returns them for {@link #unlock(int[])}.
     */
    int[] lock(List<Mutation> mutations, Collection<DocumentKey> reads) {
        int[] held = new int[mutations.size() + reads.size()];
        int n = 0;
        for (int i = 0; i < mutations.size(); i++) {
            Mutation m = mutations.get(i);
            held[n++] = stripe(m.collection(), m.id());
        }
        for (DocumentKey read : reads) {
            held[n++] = stripe(read.collection(), read.id());
        }
        Arrays.sort(held);
        int unique = 0;
        for (int i = 0; i < held.length; i++) {
            if (i == 0 || held[i] != held[i - 1]) {
                held[unique++] = held[i];
            }
        }
        int[] stripesHeld = Arrays.copyOf(held, unique);
        for (int stripe : stripesHeld) {
            stripes[stripe].lock();
        }
        return stripesHeld;
    }

    void unlock(int[] held) {
        for (int i = held.length - 1; i >= 0; i--) {
            stripes[held[i]].unlock();
        }
    }

    /** Stops every writer: locks all stripes in order. */
    void lockAll() {
        for (ReentrantLock stripe : stripes) {
            stripe.lock();
        }
    }

    void unlockAll() {
        for (int i = STRIPES - 1; i >= 0; i--) {
            stripes[i].unlock();
        }
    }
}
