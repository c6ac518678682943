package io.glen.bench.store;

import io.glen.bench.Doc;
import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.annotation.KeySpace;

/** {@link Doc} as a Spring Data entity, for the map repository. */
@KeySpace("docs")
public class DocEntity {

    @Id
    private String id;
    private String name;
    private String email;
    private String city;
    private String category;
    private long age;
    private long score;
    private double balance;
    private boolean active;
    private long created;

    /** For Spring Data. */
    public DocEntity() {
    }

    static DocEntity of(Doc d) {
        DocEntity e = new DocEntity();
        e.id = d.id();
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
