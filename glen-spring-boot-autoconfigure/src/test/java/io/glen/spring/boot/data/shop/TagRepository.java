package io.glen.spring.boot.data.shop;

import io.glen.spring.data.repository.GlenRepository;

public interface TagRepository extends GlenRepository<Tag, String> {
}
