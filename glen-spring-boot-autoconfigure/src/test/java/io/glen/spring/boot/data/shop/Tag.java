package io.glen.spring.boot.data.shop;

import io.glen.spring.data.core.mapping.Document;
import org.springframework.data.annotation.Id;

/** An entity without a version. */
@Document("tags")
public record Tag(@Id String id, String name) {
}
