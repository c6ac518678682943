package io.glen.bench.store;

import io.glen.engine.GlenOptions;
import java.nio.file.Path;

/** Opens a store by its benchmark name. */
public final class Stores {

    /** Every name {@link #open} knows. */
    public static final String[] ALL = {"glen", "mapdb", "mvstore", "nitrite", "chronicle", "chm", "springkv", "glen-repo"};

    /**
     * The cache budget of every store that has one, in the throughput and query workloads: MVStore's
     * and Nitrite's page caches and Glen's value cache (256 MiB).
     */
    public static final long CACHE_BYTES = (long) MvStoreStore.CACHE_MB << 20;

    private Stores() {
    }

    /**
     * Like {@link #open}, but Glen with its default 64 MiB value cache: heap per document measures
     * what a database with default settings costs.
     */
    public static BenchStore openForHeap(String name, Path dir, long capacity) {
        return name.equals("glen")
                ? new GlenStore(dir, Durability.INTERVAL, GlenOptions.DEFAULT_CACHE_CAPACITY_BYTES)
                : open(name, dir, Durability.INTERVAL, capacity);
    }

    /**
     * Opens (creating) store {@code name} in {@code dir}.
     *
     * @param capacity the most documents it will hold (Chronicle Map is sized up front)
     */
    public static BenchStore open(String name, Path dir, Durability durability, long capacity) {
        return switch (name) {
            case "glen" -> new GlenStore(dir, durability, CACHE_BYTES);
            case "glen-nocache" -> new GlenStore(dir, durability, 0);
            case "mapdb" -> new MapDbStore(dir, durability);
            case "mvstore" -> new MvStoreStore(dir, durability);
            case "nitrite" -> new NitriteStore(dir, durability);
            case "chronicle" -> new ChronicleStore(dir, durability, capacity);
            case "chm" -> new ChmStore();
            case "springkv" -> new SpringKvStore();
            case "glen-repo" -> new GlenRepoStore(dir, durability);
            default -> throw new IllegalArgumentException("unknown store: " + name);
        };
    }
}
