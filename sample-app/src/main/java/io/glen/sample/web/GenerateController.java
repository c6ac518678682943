package io.glen.sample.web;

import io.glen.sample.service.DataGenerator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/generate?count=50}: seed the catalogue and run that many random shop operations. */
@RestController
public class GenerateController {

    private final DataGenerator generator;

    public GenerateController(DataGenerator generator) {
        this.generator = generator;
    }

    @PostMapping("/api/generate")
    public DataGenerator.Result generate(@RequestParam(defaultValue = "20") @Min(1) @Max(1000) int count) {
        return generator.generate(count);
    }
}
