package com.example.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The quick start as a running web application with nothing but the starter: a {@code Pageable}
 * controller argument (Boot's Spring Data web support comes with the starter), a {@code @Query}
 * method over HTTP and a change-event listener.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SensorApplicationTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void glenDir(DynamicPropertyRegistry registry) {
        registry.add("glen.dir", () -> dir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    HeatAlerts alerts;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPageableControllerArgumentAnswersAPageOfReadings() throws Exception {
        post("{\"sensor\":\"freezer\",\"celsius\":-18.5,\"at\":\"2026-12-01T10:00:00Z\"}");
        post("{\"sensor\":\"freezer\",\"celsius\":-19.5,\"at\":\"2026-12-01T10:01:00Z\"}");
        post("{\"sensor\":\"freezer\",\"celsius\":-20.5,\"at\":\"2026-12-01T10:02:00Z\"}");

        HttpResponse<String> page = get("/readings?page=0&size=2&sort=celsius,asc");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsSubsequence("\"celsius\":-20.5", "\"celsius\":-19.5").doesNotContain("-18.5")
                .contains("\"page\":{\"size\":2,\"number\":0,\"totalElements\":");
    }

    @Test
    void anAnnotatedQueryServesAnEndpoint() throws Exception {
        post("{\"sensor\":\"boiler\",\"celsius\":55.0,\"at\":\"2026-12-01T10:00:00Z\"}");
        post("{\"sensor\":\"boiler\",\"celsius\":65.0,\"at\":\"2026-12-01T10:01:00Z\"}");
        post("{\"sensor\":\"boiler\",\"celsius\":25.0,\"at\":\"2026-12-01T10:02:00Z\"}");

        HttpResponse<String> hot = get("/readings/hot?sensor=boiler&minimum=50");

        assertThat(hot.statusCode()).isEqualTo(200);
        assertThat(hot.body()).containsSubsequence("\"celsius\":65.0", "\"celsius\":55.0").doesNotContain("25.0");
    }

    @Test
    void aSavedReadingReachesTheEventListenerAsAnEntity() throws Exception {
        HttpResponse<String> saved = post("{\"sensor\":\"oven\",\"celsius\":180.0,\"at\":\"2026-12-01T10:00:00Z\"}");

        assertThat(saved.body()).contains("\"version\":");
        await().untilAsserted(() -> assertThat(alerts.alerts).anySatisfy(reading -> {
            assertThat(reading.sensor()).isEqualTo("oven");
            assertThat(reading.id()).isNotNull();
            assertThat(reading.version()).isPositive();
        }));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
