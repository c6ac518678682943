package io.glen.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.value.Value;
import io.glen.spring.data.core.GlenTemplate;
import io.glen.spring.data.event.GlenDocumentChangedEvent;
import io.glen.spring.data.event.GlenDocumentDeletedEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A real web application with the starter: actuator over HTTP and @EventListener delivery. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,glen",
        "management.endpoint.health.show-details=always",
        "glen.indexes.orders.by_status[0]=status"})
class GlenWebApplicationTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void glenDir(DynamicPropertyRegistry registry) {
        registry.add("glen.dir", () -> dir.toString());
    }

    @SpringBootApplication
    static class App {
        final BlockingQueue<GlenDocumentChangedEvent> orders = new LinkedBlockingQueue<>();
        final BlockingQueue<GlenDocumentChangedEvent> all = new LinkedBlockingQueue<>();

        @Bean
        Listeners listeners() {
            return new Listeners(orders, all);
        }
    }

    static class Listeners {
        final BlockingQueue<GlenDocumentChangedEvent> orders;
        final BlockingQueue<GlenDocumentChangedEvent> all;

        Listeners(BlockingQueue<GlenDocumentChangedEvent> orders, BlockingQueue<GlenDocumentChangedEvent> all) {
            this.orders = orders;
            this.all = all;
        }

        @EventListener(condition = "#event.collection == 'orders'")
        void onOrder(GlenDocumentChangedEvent event) {
            orders.add(event);
        }

        @EventListener
        @org.springframework.core.annotation.Order(1)
        void failing(GlenDocumentChangedEvent event) {
            throw new IllegalStateException("a broken listener");
        }

        @EventListener
        @org.springframework.core.annotation.Order(2)
        void onAny(GlenDocumentChangedEvent event) {
            all.add(event);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    GlenTemplate template;

    @Autowired
    Listeners listeners;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The next event about {@code id}; events of the other tests (one shared context) are skipped. */
    private static GlenDocumentChangedEvent next(BlockingQueue<GlenDocumentChangedEvent> queue, String id)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            GlenDocumentChangedEvent event = queue.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.getId().equals(id)) {
                return event;
            }
        }
        throw new AssertionError("no event about " + id);
    }

    @Test
    void eventListenersHearCommittedChangesFilteredByCondition() throws Exception {
        template.save("orders", "o1", Value.object().put("status", "open").build());
        template.save("notes", "n1", Value.of("hello"));
        template.delete("orders", "o1");

        GlenDocumentChangedEvent saved = next(listeners.orders, "o1");
        assertThat(saved.getId()).isEqualTo("o1");
        assertThat(saved.getNewValue().at("status")).isEqualTo(Value.of("open"));
        GlenDocumentChangedEvent deleted = next(listeners.orders, "o1");
        assertThat(deleted).isInstanceOf(GlenDocumentDeletedEvent.class);
        assertThat(deleted.getOldValue().at("status")).isEqualTo(Value.of("open"));
        assertThat(next(listeners.all, "n1").getCollection()).as("the failing listener does not starve others")
                .isEqualTo("notes");
        assertThat(listeners.orders).as("notes are filtered out by the condition")
                .noneMatch(event -> event.getCollection().equals("notes"));
    }

    @Test
    void actuatorEndpointShowsStatsAndCompactsOverHttp() throws Exception {
        template.save("orders", "o2", Value.object().put("status", "open").put("secret", "s3cr3t").build());
        HttpResponse<String> stats = get("/actuator/glen");
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body()).contains("\"collections\"").contains("\"orders\"").contains("\"wal\"")
                .contains("\"cache\"").doesNotContain("s3cr3t").doesNotContain("o2").doesNotContain(dir.toString());

        HttpResponse<String> compact = post("/actuator/glen", "{\"action\":\"compact\"}");
        assertThat(compact.statusCode()).isEqualTo(200);
        assertThat(compact.body()).contains("\"status\":\"completed\"").contains("\"action\":\"compact\"");
        assertThat(get("/actuator/glen").body()).contains("\"lastCompactionAt\":\"");

        HttpResponse<String> snapshot = post("/actuator/glen", "{\"action\":\"snapshot\"}");
        assertThat(snapshot.body()).contains("\"status\":\"completed\"");
    }

    @Test
    void theEndpointListsEachCollectionsIndexesWithTheirPathsEntriesAndDocuments() throws Exception {
        template.save("orders", "o4", Value.object().put("status", "open").build());
        template.save("orders", "o5", Value.object().put("total", 3).build());
        template.save("orders", "o6", Value.object().put("status", Value.array(Value.of("a"), Value.of("b"))).build());
        long withStatus = template.query("orders", q -> q.where(io.glen.engine.query.Filter.exists("status")).count());

        // o6 is filed under its array and each element: three entries for one document.
        assertThat(get("/actuator/glen").body()).contains("\"indexes\":{\"orders\":[{\"name\":\"by_status\","
                + "\"paths\":[\"status\"],\"entries\":" + (withStatus + 2) + ",\"documents\":" + withStatus + "}]}");
    }

    @Test
    void anUnknownActionAnswers400() throws Exception {
        HttpResponse<String> unknown = post("/actuator/glen", "{\"action\":\"vacuum\"}");

        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    void healthIncludesGlen() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"glen\":{").contains("\"walBytes\"").contains("\"status\":\"UP\"");
    }

    @Test
    void indexesFromPropertiesServeQueries() {
        template.save("orders", "o3", Value.object().put("status", "held").build());
        String index = template.query("orders", q -> q.where(io.glen.engine.query.Filter.eq("status", "held"))
                .explain().index());
        assertThat(index).isEqualTo("by_status");
    }
}
