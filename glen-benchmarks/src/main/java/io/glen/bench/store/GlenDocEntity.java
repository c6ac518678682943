package io.glen.bench.store;

import io.glen.bench.Doc;
import io.glen.spring.data.core.mapping.Document;
import io.glen.spring.data.core.mapping.Indexed;
import org.springframework.data.annotation.Id;

/**
 * {@link Doc} as a Glen Spring Data entity, for the Glen repository ({@code glen-repo}): the same
 * fields as {@link DocEntity}, stored in collection {@code docs}, with {@code @Indexed} on the two
 * queried properties (indexes {@code by_category} and {@code by_score}, the names the engine-level
 * store uses). The id is the document key and is not stored in the value: a {@link Doc} put under
 * another key reads back with that key as its id.
 */
@Document("docs")
public class GlenDocEntity {

    @Id
    private String id;
    private String name;
    private String email;
    private String city;
    @Indexed
    private String category;
    private long age;
    @Indexed
    private long score;
    private double balance;
    private boolean active;
    private long created;

    /** For Spring Data. */
    public GlenDocEntity() {
    }

    /** The entity of {@code d} stored under {@code key} (the entity's id is the document key). */
    static GlenDocEntity of(String key, Doc d) {
        GlenDocEntity e = new GlenDocEntity();
        e.id = key;
        e.name = d.name();
        e.email = d.email();
        e.city = d.city();
        e.category = d.category();
        e.age = d.age();
        e.score = d.score();
        e.balance = d.balance();
        e.active = d.active();
        e.created = d.created();
        return e;
    }

    Doc toDoc() {
        return new Doc(id, name, email, city, category, age, score, balance, active, created);
    }

    public String getId() {
        return id;
    }

    public String getCategory() {
        return category;
    }

    public long getScore() {
        return score;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getCity() {
        return city;
    }

    public long getAge() {
        return age;
    }

    public double getBalance() {
        return balance;
    }

    public boolean isActive() {
        return active;
    }

    public long getCreated() {
        return created;
    }
}
