package io.glen.engine.internal.store;

import io.glen.engine.value.Value;

/**
 * A store entry whose decoded value the cache keeps: the map of a collection holds it in place of
 * the cold {@link StoredDoc}, and the cache tracks it (by {@link #key}) only to decide when to
 * swap it back to a cold entry. Immutable, so it may be read without a lock.
 */
final class HotDoc extends StoredDoc {

    final Value value;
    final ValueCache.Key key;
    final int weight;

    HotDoc(long version, byte[] encoded, Value value, ValueCache.Key key, int weight) {
        super(version, encoded);
        this.value = value;
        this.key = key;
        this.weight = weight;
    }

    @Override
    public Value cachedValue() {
        return value;
    }

    /** The cold twin: the same version and bytes, without the value. */
    StoredDoc cold() {
        return new StoredDoc(version(), encoded());
    }
}
