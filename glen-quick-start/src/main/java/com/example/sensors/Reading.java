package com.example.sensors;

import io.glen.spring.data.core.mapping.Document;
import io.glen.spring.data.core.mapping.Indexed;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

@Document("readings")
public record Reading(@Id String id, @Version Long version, @Indexed String sensor, @Indexed double celsius,
                      Instant at) {
}
