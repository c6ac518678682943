package com.example.sensors;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/readings")
public class ReadingController {

    private final ReadingRepository readings;

    public ReadingController(ReadingRepository readings) {
        this.readings = readings;
    }

    @PostMapping
    public Reading add(@RequestBody Reading reading) {
        return readings.save(reading);
    }

    @GetMapping
    public Page<Reading> list(Pageable pageable) {
        return readings.findAll(pageable);
    }

    @GetMapping("/hot")
    public List<Reading> hot(@RequestParam String sensor, @RequestParam double minimum) {
        return readings.hotReadings(sensor, minimum);
    }
}
