package io.tributary.runtime.viz.live;

import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Stream;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.metrics.AlertEvaluator;
import io.tributary.runtime.metrics.AlertRule;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.runtime.plan.PhysicalPlan;
import io.tributary.schemas.AlertSeverity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The live page in a real browser: Debian's headless Chromium driven through its chromedriver
 * (Selenium never looks for or downloads a driver). A small desk runs with a publisher whose rate
 * keeps rising; the page must show a node's rate changing, the lanes and an open alert, and show a
 * node's metrics and configuration on a click. Saves {@code target/live-ui.png}.
 *
 * <p>Fails, rather than skips, when Chromium or its driver is missing: CI installs both
 * ({@code .ci/run}); locally run {@code apt-get install chromium chromium-driver}. Override the paths
 * with {@code -Dtributary.chromium=...} and {@code -Dtributary.chromedriver=...}.
 */
@Timeout(180)
class LiveUiBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LocalMessageBus bus = LocalMessageBus.withDefaults();
    private final TributaryMetrics metrics = TributaryMetrics.create();
    private final AtomicBoolean publishing = new AtomicBoolean(true);
    private PhysicalPlan plan;
    private LiveUiServer server;
    private AlertEvaluator alerts;
    private Thread publisher;
    private WebDriver browser;

    private static File executable(String property, String path) {
        File file = new File(System.getProperty(property, path));
        if (!file.canExecute()) {
            fail(file + " is not installed (or not executable): the live page's browser test needs Debian's chromium and"
                    + " chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them),"
                    + " or -D" + property + "=PATH");
        }
        return file;
    }

    /** quotes → liquid (filter) → HIGH → signals; quotes → latest (conflate) → LOW → ui.quotes; orders → CRITICAL → exec.orders. */
    private PhysicalPlan desk() {
        TopologyBuilder t = new TopologyBuilder("desk");
        Stream<Integer> quotes = t.stream("quotes.*", Named.as("quotes"));
        quotes.filter(q -> q % 3 != 0, Named.as("liquid")).lane(Priority.HIGH, Named.as("to-high"))
                .to("signals", Named.as("signals-out"));
        quotes.conflate(q -> q % 4, Duration.ofMillis(100), Named.as("latest")).lane(Priority.LOW, Named.as("to-low"))
                .to("ui.quotes", Named.as("ui-out"));
        t.<Integer>stream("orders.*", Named.as("orders")).lane(Priority.CRITICAL, Named.as("urgent"))
                .to("exec.orders", Named.as("exec-out"));
        return new TopologyCompiler(PluginCatalog.empty(), Duration.ofMillis(50)).compile(t.build());
    }

    /** Publishes a little more every 20 ms (a saw-tooth, so the load stays bounded): each snapshot's rate differs. */
    private Thread startPublisher() {
        Thread thread = new Thread(() -> {
            int burst = 1;
            int n = 0;
            while (publishing.get()) {
                for (int i = 0; i < burst; i++, n++) {
                    bus.publish("quotes.BTCUSDT", "BTCUSDT", n, Priority.NORMAL);
                    if (n % 5 == 0) {
                        bus.publish("orders.paper", "o" + n, n, Priority.NORMAL);
                    }
                }
                burst = burst % 250 + 1;
                try {
                    Thread.sleep(20); // pacing, not synchronisation: the page only needs traffic
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-ui-test-publisher");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @AfterEach
    void stop() throws Exception {
        publishing.set(false);
        if (browser != null) {
            browser.quit();
        }
        if (publisher != null) {
            publisher.join(10_000);
        }
        if (alerts != null) {
            alerts.close();
        }
        if (server != null) {
            server.close();
        }
        if (plan != null) {
            plan.stop();
        }
        bus.close();
        metrics.close();
    }

    private WebDriver openBrowser(Path profile) {
        File chromium = executable("tributary.chromium", "/usr/bin/chromium");
        File chromedriver = executable("tributary.chromedriver", "/usr/bin/chromedriver");
        // with the driver given, Selenium Manager is never run: nothing is looked up or downloaded
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.getPath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1500,820");
        return new ChromeDriver(service, options);
    }

    @Test
    void thePageShowsLiveRatesLanesAlertsAndANodesDetailsOnAClick(@TempDir Path profile) throws Exception {
        plan = desk();
        metrics.bind(bus);
        plan.start(bus, metrics);
        server = LiveUiServer.start(plan, metrics, bus, 0);
        alerts = AlertEvaluator.builder(metrics.registry(), bus)
                .rule(AlertRule.builder("quote-burst").metric("tributary.desk.quotes.in").above(500)
                        .severity(AlertSeverity.WARNING).description("more than 500 quotes since start").build())
                .build();
        alerts.start(Duration.ofMillis(200));
        publisher = startPublisher();

        browser = openBrowser(profile);
        browser.get(server.url() + "/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        // the page re-renders parts of itself on every event: an element read between two events may
        // have been replaced, so every read looks it up again and a stale one is simply read again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        By rate = By.id("rate-node-quotes");
        String first = wait.until(d -> {
            String text = d.findElement(rate).getText();
            return text.endsWith("msg/s") && !text.startsWith("0.0") ? text : null;
        });
        String second = wait.until(d -> {
            String text = d.findElement(rate).getText();
            return text.endsWith("msg/s") && !text.equals(first) ? text : null;
        });
        assertTrue(!first.equals(second), "the rate changed: " + first + " then " + second);
        assertEquals("live", browser.findElement(By.id("status")).getText());

        wait.until(d -> d.findElement(By.id("alerts")).getText().contains("quote-burst"));
        wait.until(d -> d.findElement(By.id("rate-node-latest")).getText().startsWith("conflated "));
        wait.until(d -> !d.findElement(By.cssSelector("#lane-CRITICAL td:nth-child(2)")).getText().isEmpty());

        browser.findElement(By.id("node-orders")).click();
        By details = By.id("details");
        wait.until(d -> "orders".equals(d.findElement(details).getAttribute("data-node")));
        long in = wait.until(d -> {
            long value = Long.parseLong(d.findElement(details).findElement(By.cssSelector("dd[data-metric=in]")).getText());
            return value > 0 ? value : null;
        });
        assertTrue(in > 0, "orders taken: " + in);
        String text = wait.until(d -> d.findElement(details).getText());
        assertTrue(text.contains("SOURCE_TOPIC"), "configuration shown: " + text);
        assertTrue(text.contains("orders.*"), "topics shown: " + text);
        assertTrue(text.contains("in msg/s"), "rate shown: " + text);
        assertTrue(browser.getCurrentUrl().endsWith("#node=orders"), "a link to this view: " + browser.getCurrentUrl());
        assertEquals("live", browser.findElement(By.id("status")).getText(), "no script error on the way");

        Path shot = Path.of("target", "live-ui.png");
        Files.createDirectories(shot.getParent());
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(shot, png);
        assertTrue(png.length > 10_000, "a real screenshot: " + png.length + " bytes");
    }
}
