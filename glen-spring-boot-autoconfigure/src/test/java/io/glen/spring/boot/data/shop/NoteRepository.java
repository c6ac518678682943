package io.glen.spring.boot.data.shop;

import io.glen.spring.data.repository.GlenRepository;
import java.util.List;

public interface NoteRepository extends GlenRepository<Note, String> {
    List<Note> findByTextStartingWith(String prefix);
}
