package io.glen.bench;

import io.glen.engine.value.Value;
import java.util.SplittableRandom;

/**
 * The benchmark document: ten scalar fields, about 150 bytes encoded. Every store receives this
 * same Java object and converts it to its own form inside the measured operation (Glen builds a
 * {@link Value}, Nitrite a {@code Document}, MapDB/MVStore/Chronicle Map serialize it), so the
 * cost of getting an application object into the store is measured for every store alike. The
 * ConcurrentHashMap ceiling stores the object itself.
 *
 * <p>{@code category} has {@code max(1, n / 100)} distinct values and {@code score} is uniform in
 * {@code [0, n)}, so an equality query on category and a range query of width 100 on score each
 * match about 100 of {@code n} documents, whatever {@code n} is.
 */
public record Doc(String id, String name, String email, String city, String category, long age, long score,
                  double balance, boolean active, long created) {

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Ken", "Dennis",
            "Frances", "John", "Margaret", "Niklaus", "Radia", "Tony", "Leslie", "Sophie"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Thompson",
            "Ritchie", "Allen", "Backus", "Hamilton", "Wirth", "Perlman", "Hoare", "Lamport", "Wilson"};
    private static final String[] CITIES = {"London", "Paris", "Berlin", "Madrid", "Rome", "Vienna", "Prague",
            "Lisbon", "Dublin", "Oslo", "Helsinki", "Athens", "Warsaw", "Zurich", "Brussels", "Amsterdam"};

    /** The number of distinct categories among {@code n} documents. */
    public static long categories(long n) {
        return Math.max(1, n / 100);
    }

    /** The category name of number {@code c}. */
    public static String category(long c) {
        return "cat-" + c;
    }

    /** Document number {@code i} of a data set of {@code n} documents (deterministic). */
    public static Doc generate(long i, long n) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 17);
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        return new Doc(Keys.key(i), first + " " + last, first.toLowerCase() + "." + i + "@example.com",
                CITIES[r.nextInt(CITIES.length)], category(i % categories(n)), 18 + r.nextInt(70),
                r.nextLong(Math.max(1, n)), Math.round(r.nextDouble() * 1_000_000) / 100.0, r.nextBoolean(),
                1_700_000_000_000L + i * 1000);
    }

    /** Glen's form (sorted-field immutable object). */
    public Value toValue() {
        return Value.object()
                .put("id", id)
                .put("name", name)
                .put("email", email)
                .put("city", city)
                .put("category", category)
                .put("age", age)
                .put("score", score)
                .put("balance", balance)
                .put("active", active)
                .put("created", created)
                .build();
    }

    /** Reads Glen's form back (verification only). */
    public static Doc fromValue(Value v) {
        return new Doc(v.get("id").asString(), v.get("name").asString(), v.get("email").asString(),
                v.get("city").asString(), v.get("category").asString(), v.get("age").asLong(),
                v.get("score").asLong(), v.get("balance").asDouble(), v.get("active").asBoolean(),
                v.get("created").asLong());
    }
}
