package com.example.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.spring.boot.test.autoconfigure.DataGlenTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

@DataGlenTest
class ReadingRepositoryTest {

    @Autowired
    ReadingRepository readings;

    @Test
    void findsTheLatestReadingsOfASensorAndTheHotOnes() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        readings.save(new Reading(null, null, "kitchen", 21.5, now));
        readings.save(new Reading(null, null, "kitchen", 35.0, now.plusSeconds(60)));
        readings.save(new Reading(null, null, "garage", 12.0, now));

        assertThat(readings.findTop10BySensorOrderByAtDesc("kitchen")).extracting(Reading::celsius)
                .containsExactly(35.0, 21.5);
        assertThat(readings.findByCelsiusGreaterThan(20, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(2);
        assertThat(readings.hotReadings("kitchen", 30)).extracting(Reading::celsius).containsExactly(35.0);
    }
}
