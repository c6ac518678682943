package io.glen.bench.store;

import java.nio.file.Path;

/** Opens a store by its benchmark name. */
public final class Stores {

    /** Every name {@link #open} knows. */
    public static final String[] ALL = {"glen", "mapdb", "mvstore", "nitrite", "chronicle", "chm", "springkv", "glen-repo"};

    private Stores() {
    }

    /**
     * Opens (creating) store {@code name} in {@code dir}.
     *
     * @param capacity the most documents it will hold (Chronicle Map is sized up front)
     */
    public static BenchStore open(String name, Path dir, Durability durability, long capacity) {
        return switch (name) {
            case "glen" -> new GlenStore(dir, durability, true);
            case "glen-nocache" -> new GlenStore(dir, durability, false);
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
