package io.glen.sample.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/events}: the stream of product and order changes the dashboard listens to. */
@RestController
public class LiveController {

    private final LiveUpdates live;

    public LiveController(LiveUpdates live) {
        this.live = live;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events() {
        return live.connect();
    }
}
