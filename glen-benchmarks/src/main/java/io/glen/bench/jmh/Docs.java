package io.glen.bench.jmh;

import io.glen.bench.Doc;

/** A pool of prebuilt documents for the write workloads (the value written is not what is measured). */
final class Docs {

    private static final Doc[] POOL = new Doc[1024];

    static {
        for (int i = 0; i < POOL.length; i++) {
            POOL[i] = Doc.generate(i, 1_000_000);
        }
    }

    private Docs() {
    }

    static Doc pool(long i) {
        return POOL[(int) (i & (POOL.length - 1))];
    }
}
