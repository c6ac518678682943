package io.glen.spring.boot.data.shop;

import io.glen.spring.data.core.mapping.Indexed;

public record Customer(@Indexed String id, String name, String city) {
}
