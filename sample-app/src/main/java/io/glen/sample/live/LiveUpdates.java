package io.glen.sample.live;

import io.glen.spring.data.event.GlenDocumentChangedEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans Glen's change events out to the dashboards connected through Server-Sent Events. Bounded: at
 * most {@code sample.live.max-clients} connections (more are refused with 503); a connection that
 * fails, times out or completes is dropped; a comment is sent every 15 s so dead connections are
 * noticed even when nothing changes.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final List<String> COLLECTIONS = List.of("products", "orders");

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final int maxClients;
    private volatile boolean running;
    private final Duration timeout;

    public LiveUpdates(@Value("${sample.live.max-clients:32}") int maxClients,
            @Value("${sample.live.timeout:30m}") Duration timeout) {
        this.maxClients = maxClients;
        this.timeout = timeout;
    }

    /** A new connection; 503 when {@code max-clients} are already connected. */
    public SseEmitter connect() {
        if (!running) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "shutting down");
        }
        if (emitters.size() >= maxClients) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "too many live connections");
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> {
            emitters.remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        send(emitter, SseEmitter.event().name("hello").data(Map.of("clients", emitters.size())));
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every live connection. Runs before the web server's graceful shutdown (a higher phase stops
     * first), which would otherwise wait for these never-ending requests.
     */
    @Override
    public void stop() {
        running = false;
        for (SseEmitter emitter : emitters) {
            emitters.remove(emitter);
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                log.debug("completing a live connection: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** Connected clients (for tests). */
    public int clients() {
        return emitters.size();
    }

    /** Runs on Glen's listener thread after the commit is durable, in commit order. */
    @EventListener(condition = "#event.collection == 'products' || #event.collection == 'orders'")
    public void onChange(GlenDocumentChangedEvent event) {
        if (emitters.isEmpty() || !COLLECTIONS.contains(event.getCollection())) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("collection", event.getCollection());
        data.put("id", event.getId());
        data.put("type", event.getType().name());
        data.put("version", event.getVersion());
        data.put("value", event.getNewValue() == null ? null : event.getNewValue().toJava());
        for (SseEmitter emitter : emitters) {
            send(emitter, SseEmitter.event().name("change").id(Long.toString(event.getLsn())).data(data));
        }
    }

    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        for (SseEmitter emitter : emitters) {
            send(emitter, SseEmitter.event().comment("keep-alive"));
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {   // client gone, or emitter already completed
            log.debug("dropping a live connection: {}", e.toString());
            emitters.remove(emitter);
            emitter.completeWithError(e);
        }
    }
}
