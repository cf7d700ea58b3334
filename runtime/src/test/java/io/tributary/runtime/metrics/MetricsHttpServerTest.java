package io.tributary.runtime.metrics;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.exec.ExecutorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} scraped over real HTTP and parsed strictly as Prometheus text format 0.0.4. */
@Timeout(60)
class MetricsHttpServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final LocalMessageBus bus = new LocalMessageBus(BusConfig.builder()
            .executor(ExecutorConfig.builder().fixedWorkers(1).idleSpins(10).idleYields(2).build()).build());

    @AfterEach
    void close() {
        bus.close();
    }

    private HttpResponse<String> get(MetricsHttpServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scrapeCarriesExactCountsInValidPrometheusText() throws Exception {
        TributaryMetrics metrics = TributaryMetrics.builder().laneStatsTtl(Duration.ZERO).build();
        metrics.bind(bus);
        NodeMetrics node = metrics.node("arb-desk", "venues");
        bus.subscribe("data.**", (Envelope<Integer> m) -> {
            node.in();
            node.latency(m.payload() * 1_000L);
        }, SubscribeOptions.pooled().lane(Priority.HIGH));
        int sent = 37;
        for (int i = 1; i <= sent; i++) {
            bus.publish("data.quotes.X", null, i, Priority.HIGH);
        }
        Await.until(() -> bus.executor().laneStats(Priority.HIGH).delivered() == sent, () -> "delivery");
        metrics.registerLag("redis", "orders.stream", () -> 12);

        try (MetricsHttpServer server = MetricsHttpServer.start(metrics, 0)) {
            assertNotEquals(0, server.port(), "port 0 means any free port; the bound one is reported");
            assertEquals("127.0.0.1", server.host());
            HttpResponse<String> response = get(server, "/metrics");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                    response.headers().map().toString());

            Map<String, PrometheusText.Family> families = PrometheusText.parse(response.body());
            PrometheusText.Family delivered = families.get("tributary_lane_high_delivered_total");
            assertEquals("counter", delivered.type);
            assertEquals(sent, delivered.value("tributary_lane_high_delivered_total", Map.of()));
            assertEquals(sent, families.get("tributary_lane_high_enqueued_total")
                    .value("tributary_lane_high_enqueued_total", Map.of()));
            assertEquals(0, families.get("tributary_lane_high_depth").value("tributary_lane_high_depth", Map.of()));
            assertEquals("gauge", families.get("tributary_lane_high_depth").type);
            assertEquals(5_000_000, families.get("tributary_lane_high_wait_bound").value("tributary_lane_high_wait_bound", Map.of()));

            PrometheusText.Family in = families.get("tributary_arb_desk_venues_in_total");
            assertEquals("counter", in.type);
            assertEquals(sent, in.value("tributary_arb_desk_venues_in_total", Map.of()));
            PrometheusText.Family latency = families.get("tributary_arb_desk_venues_latency");
            assertEquals("summary", latency.type);
            assertEquals(sent, latency.value("tributary_arb_desk_venues_latency_count", Map.of()));
            double p50 = latency.value("tributary_arb_desk_venues_latency", Map.of("quantile", "0.5"));
            assertTrue(p50 >= 18_000 && p50 <= 20_000, "median of 1..37 µs is about 19 µs: " + p50);

            assertEquals(12, families.get("tributary_transport_redis_orders_stream_lag")
                    .value("tributary_transport_redis_orders_stream_lag", Map.of()));
            assertEquals(0, families.get("tributary_bus_handler_errors_total").value("tributary_bus_handler_errors_total", Map.of()));
            assertEquals(1, families.get("tributary_executor_workers").value("tributary_executor_workers", Map.of()));
            assertTrue(families.get("tributary_lane_low_wait_p99").help.contains("tributary.lane.low.wait.p99"),
                    "HELP names the Dropwizard metric");
        }
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws Exception {
        TributaryMetrics metrics = TributaryMetrics.create();
        try (MetricsHttpServer server = MetricsHttpServer.start(metrics, 0)) {
            assertEquals(404, get(server, "/").statusCode());
            assertEquals(404, get(server, "/metricsx").statusCode());
            assertEquals(404, get(server, "/metrics/extra").statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
            // an empty registry is still a valid (empty) exposition
            assertEquals(200, get(server, "/metrics").statusCode());
        }
    }

    @Test
    void closingFreesThePort() throws Exception {
        TributaryMetrics metrics = TributaryMetrics.create();
        int port;
        try (MetricsHttpServer server = MetricsHttpServer.start(metrics, 0)) {
            port = server.port();
        }
        try (MetricsHttpServer again = MetricsHttpServer.start(metrics, port)) {
            assertEquals(port, again.port());
            assertEquals(200, get(again, "/health").statusCode());
        }
    }
}
