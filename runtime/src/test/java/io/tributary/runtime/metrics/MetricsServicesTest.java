package io.tributary.runtime.metrics;

import io.tributary.api.Envelope;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.exec.ExecutorConfig;
import io.tributary.schemas.Alert;
import io.tributary.schemas.AlertState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class MetricsServicesTest {
    private final LocalMessageBus bus = new LocalMessageBus(BusConfig.builder()
            .executor(ExecutorConfig.builder().fixedWorkers(1).idleSpins(10).idleYields(2).build()).build());

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void startsTheEndpointAndAScheduledEvaluatorWithDefaultAndConfiguredRules() throws Exception {
        TributaryMetrics metrics = TributaryMetrics.create();
        metrics.bind(bus);
        metrics.source("desk", "venues");
        BlockingQueue<Alert> alerts = new LinkedBlockingQueue<>();
        bus.subscribe("alerts.**", (Envelope<Alert> m) -> alerts.add(m.payload()), SubscribeOptions.inline());
        MetricsSettings settings = MetricsSettings.builder()
                .http(true)
                .evaluateEvery(Duration.ofMillis(20))
                .rules(List.of(
                        AlertRule.builder("always").metric(MetricNames.WORKERS).above(0).build(),
                        AlertRule.builder("handler-errors").enabled(false).build()))
                .build();
        MetricsServices services = MetricsServices.start(settings, metrics, bus, System.out);
        int port;
        try {
            List<String> rules = services.alerts().rules().stream().map(AlertRule::name).toList();
            assertTrue(rules.containsAll(List.of("lane-wait-high", "drops-critical", "transport-lag",
                    "silent-desk-venues", "always")), rules.toString());
            assertFalse(rules.contains("handler-errors"), "disabled by configuration: " + rules);

            Alert raised = alerts.poll(15, TimeUnit.SECONDS);
            while (raised != null && !raised.getRule().equals("always")) {
                raised = alerts.poll(15, TimeUnit.SECONDS);
            }
            assertNotNull(raised, "the scheduled evaluation never raised the 'always' rule");
            assertEquals(AlertState.RAISED, raised.getState());

            port = services.http().port();
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(services.http().baseUrl() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode());
            assertTrue(PrometheusText.parse(scrape.body()).containsKey("tributary_desk_venues_in_total"));
        } finally {
            services.close();
        }
        assertThrows(ConnectException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()), "the port is closed");
    }

    @Test
    void httpAndAlertsCanBeOffAndTheBusMustBeBoundFirst() {
        TributaryMetrics metrics = TributaryMetrics.create();
        IllegalStateException unbound = assertThrows(IllegalStateException.class,
                () -> MetricsServices.start(MetricsSettings.defaults(), metrics, bus, System.out));
        assertTrue(unbound.getMessage().contains("bind"), unbound.getMessage());
        metrics.bind(bus);
        try (MetricsServices services = MetricsServices.start(MetricsSettings.builder().alerts(false).build(), metrics, bus,
                System.out)) {
            assertNull(services.http());
            assertNull(services.alerts());
            assertEquals(0, services.reporters().count());
        }
    }
}
