package io.glen.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.sample.live.LiveUpdates;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End to end in a real browser: the app on a random port, the system's headless Chromium opens the
 * dashboard, documents change through the REST API, and the page shows the changes without a reload
 * (Server-Sent Events). Skipped, with the reason, where {@code /usr/bin/chromium} or
 * {@code /usr/bin/chromedriver} is missing ({@code .ci/run} installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {

    /** The system browser and driver; {@code -Dsample.e2e.chromium=...}/{@code -Dsample.e2e.chromedriver=...} override. */
    static final Path CHROMIUM = Path.of(System.getProperty("sample.e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("sample.e2e.chromedriver", "/usr/bin/chromedriver"));
    static final boolean BROWSER_PRESENT = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    static final String SKIP_REASON = "SKIPPED the real-browser test: " + CHROMIUM + " and/or " + CHROMEDRIVER
            + " not found; install them with `apt-get install -y chromium chromium-driver` (.ci/run does)";
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path profile;

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    LiveUpdates live;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startBrowser() {
        if (!BROWSER_PRESENT) {
            System.err.println("WARNING: " + SKIP_REASON);   // visible in the build output, not only in the report
            return;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,800", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String stockCell(String sku) {
        return driver.findElement(By.cssSelector("#product-" + sku + " td.stock")).getText();
    }

    @Test
    void dashboardShowsChangesWithoutReload() throws Exception {
        Assumptions.assumeTrue(BROWSER_PRESENT, SKIP_REASON);
        assertThat(send("POST", "/api/products", "{\"sku\":\"E2E-1\",\"name\":\"Browser widget\",\"stock\":12,\"price\":5}")
                .statusCode()).isEqualTo(201);

        driver.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
        wait.until(d -> !d.findElements(By.id("product-E2E-1")).isEmpty());
        assertThat(stockCell("E2E-1")).isEqualTo("12");
        ((JavascriptExecutor) driver).executeScript("window.__noReload = 'still here';");
        assertThat(live.clients()).isGreaterThanOrEqualTo(1);

        // change the product through the REST API: the row updates in place
        String body = send("GET", "/api/products/E2E-1", null).body();
        long version = Long.parseLong(body.replaceAll(".*\"version\":(\\d+).*", "$1"));
        assertThat(send("PUT", "/api/products/E2E-1",
                "{\"version\":" + version + ",\"name\":\"Browser widget\",\"stock\":3,\"price\":5}").statusCode())
                .isEqualTo(200);
        wait.until(d -> "3".equals(stockCell("E2E-1")));
        assertThat(driver.findElement(By.id("product-E2E-1")).getAttribute("class")).contains("low");

        // place an order: it appears, and the stock it reserved is shown
        HttpResponse<String> order = send("POST", "/api/orders",
                "{\"customer\":\"browser-bob\",\"lines\":[{\"productId\":\"E2E-1\",\"quantity\":2}]}");
        assertThat(order.statusCode()).isEqualTo(201);
        String orderId = order.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        wait.until(d -> !d.findElements(By.id("order-" + orderId)).isEmpty());
        assertThat(driver.findElement(By.id("order-" + orderId)).getText()).contains("browser-bob").contains("NEW");
        wait.until(d -> "1".equals(stockCell("E2E-1")));

        // the Glen panel shows the database's statistics and compacts on demand
        wait.until(d -> d.findElement(By.id("glen-orders")).getText().matches("[1-9]\\d*"));
        assertThat(Long.parseLong(driver.findElement(By.id("glen-products")).getText())).isPositive();
        assertThat(driver.findElement(By.id("glen-wal")).getText()).contains("segment");
        assertThat(driver.findElement(By.id("glen-hit-rate")).getText()).endsWith("%");
        driver.findElement(By.id("compact")).click();
        wait.until(d -> d.findElement(By.id("compact-result")).getText().startsWith("completed in "));
        wait.until(d -> !d.findElement(By.id("glen-last-compaction")).getText().equals("never"));

        // the same page, never reloaded
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__noReload;")).isEqualTo("still here");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "dashboard-e2e.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void thePageFitsA390PixelWideScreenAndHasAnIcon() throws Exception {
        Assumptions.assumeTrue(BROWSER_PRESENT, SKIP_REASON);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            driver.get("http://localhost:" + port + "/");
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBe(By.id("status"), "live"));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long pageWidth = (Long) js.executeScript("return document.documentElement.scrollWidth;");
            long viewport = (Long) js.executeScript("return window.innerWidth;");
            assertThat(pageWidth).as("no sideways scrolling of the page").isLessThanOrEqualTo(viewport);
            assertThat(driver.findElement(By.id("log")).isDisplayed()).isTrue();
            String icon = (String) js.executeScript("return document.querySelector('link[rel=icon]').href;");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(icon)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", "dashboard-390px.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 800));
        }
    }
}
