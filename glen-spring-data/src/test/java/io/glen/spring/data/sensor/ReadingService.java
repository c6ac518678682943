package io.glen.spring.data.sensor;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.transaction.annotation.Transactional;

/** Runs work in {@code @Transactional} methods, as an application's service would. */
public class ReadingService {

    private final ReadingRepository readings;

    ReadingService(ReadingRepository readings) {
        this.readings = readings;
    }

    @Transactional
    public Reading save(Reading reading) {
        return readings.save(reading);
    }

    @Transactional
    public List<Reading> saveAll(List<Reading> batch) {
        return readings.saveAll(batch);
    }

    @Transactional
    public Reading saveTwice(Reading reading, String secondStatus) {
        Reading saved = readings.save(reading);
        saved.setStatus(secondStatus);
        return readings.save(saved);
    }

    @Transactional
    public <T> T run(Supplier<T> work) {
        return work.get();
    }

    @Transactional
    public void deleteAllThenFail() {
        readings.deleteAll();
        throw new IllegalStateException("rolled back on purpose");
    }

    @Transactional
    public void deleteAll() {
        readings.deleteAll();
    }
}
