package io.glen.spring.boot.data.shop;

import io.glen.spring.data.core.mapping.Document;
import java.time.Instant;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;

/** An immutable record entity with auditing. */
@Document("notes")
public record Note(@Id String id, @Version Long version, String text, @CreatedDate Instant created,
                   @LastModifiedDate Instant modified) {

    public Note withText(String text) {
        return new Note(id, version, text, created, modified);
    }
}
