package io.tributary.runtime.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.BusConfig;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.exec.ExecutorConfig;
import io.tributary.runtime.exec.LaneStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /health} over real HTTP: 200 while every check passes, 503 with JSON naming the culprit. */
@Timeout(60)
class HealthEndpointTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ManualClock clock = new ManualClock();
    private LocalMessageBus bus;

    @AfterEach
    void close() {
        if (bus != null) {
            bus.close();
        }
    }

    private record Health(int status, JsonNode body) {
        JsonNode check(String name) {
            JsonNode check = body.get(name);
            if (check == null) {
                throw new AssertionError("no check " + name + " in " + body);
            }
            return check;
        }
    }

    private Health health(MetricsHttpServer server) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return new Health(r.statusCode(), json.readTree(r.body()));
    }

    @Test
    void aLaneHeldOverItsWaitBoundMakesTheServiceUnhealthyUntilItDrains() throws Exception {
        bus = new LocalMessageBus(BusConfig.builder().executor(ExecutorConfig.builder().fixedWorkers(1)
                .idleSpins(10).idleYields(2).maxWait(Priority.NORMAL, Duration.ofMillis(1)).build()).build());
        TributaryMetrics metrics = TributaryMetrics.builder().clock(clock).laneStatsTtl(Duration.ZERO).build();
        metrics.bind(bus);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        bus.subscribe("orders.**", (Envelope<Integer> m) -> {
            if (m.payload() == 0) {
                entered.countDown();
                release.await();
            }
        }, SubscribeOptions.pooled().lane(Priority.NORMAL));

        try (MetricsHttpServer server = MetricsHttpServer.start(metrics, 0)) {
            Health before = health(server);
            assertEquals(200, before.status(), before.body().toString());
            assertEquals(List.of("lane.high", "lane.low", "lane.normal", "plugins"), names(before.body()));

            bus.publish("orders.new", null, 0, Priority.NORMAL);
            assertTrue(entered.await(15, TimeUnit.SECONDS));
            for (int i = 1; i <= 9; i++) {
                bus.publish("orders.new", null, i, Priority.NORMAL);
            }
            clock.advance(Duration.ofSeconds(1)); // the nine have now waited about a second against a 1 ms bound

            Health held = health(server);
            assertEquals(503, held.status(), held.body().toString());
            JsonNode normal = held.check("lane.normal");
            assertFalse(normal.get("healthy").asBoolean());
            assertEquals("normal", normal.get("lane").asText());
            assertEquals(9, normal.get("depth").asLong());
            assertTrue(normal.get("waitNanos").asLong() > 1_000_000, normal.toString());
            assertEquals(1_000_000, normal.get("boundNanos").asLong());
            assertTrue(normal.get("message").asText().startsWith("NORMAL lane wait ~")
                    && normal.get("message").asText().contains("over its bound 1.0ms"), normal.toString());
            assertTrue(held.check("lane.high").get("healthy").asBoolean(), "only the held lane is named");

            release.countDown();
            Await.until(() -> {
                LaneStats s = bus.executor().laneStats(Priority.NORMAL);
                return s.depth() == 0 && s.delivered() == 10;
            }, () -> bus.executor().laneStats(Priority.NORMAL).toString());
            clock.advance(Duration.ofSeconds(1));
            Health after = health(server);
            assertEquals(200, after.status(), after.body().toString());
            assertEquals(0, after.check("lane.normal").get("waitNanos").asLong());
            assertTrue(after.check("lane.normal").get("p99WaitNanosSinceStart").asLong() > 0,
                    "the p99 since start remembers the episode; health does not");
        }
    }

    @Test
    void aTransportsTroubleIsTheChecksMessage() throws Exception {
        TributaryMetrics metrics = TributaryMetrics.builder().clock(clock).build();
        AtomicReference<String> trouble = new AtomicReference<>();
        Registration registered = metrics.registerTransportHealth("kafka", trouble::get);
        try (MetricsHttpServer server = MetricsHttpServer.start(metrics, 0)) {
            assertEquals(200, health(server).status());
            assertEquals("kafka connected", health(server).check("transport.kafka").get("message").asText());

            trouble.set("Kafka at localhost:9092 has not answered for 4 s (timed out)");
            Health away = health(server);
            assertEquals(503, away.status());
            assertFalse(away.check("transport.kafka").get("healthy").asBoolean());
            assertEquals("Kafka at localhost:9092 has not answered for 4 s (timed out)",
                    away.check("transport.kafka").get("message").asText());

            trouble.set(null);
            assertEquals(200, health(server).status());
            registered.close();
            assertFalse(health(server).body().has("transport.kafka"), "gone once the registration is closed");
        }
    }

    @Test
    void transportsLagAndPluginsEachFailByName() throws Exception {
        TributaryMetrics metrics = TributaryMetrics.builder().clock(clock).maxHealthyLag(100).build();
        AtomicBoolean connected = new AtomicBoolean(true);
        AtomicLong lag = new AtomicLong(5);
        metrics.registerTransport("kafka", connected::get);
        metrics.registerLag("kafka", "data.quotes", lag::get);
        metrics.pluginLoaded("venue-sim");
        try (MetricsHttpServer server = MetricsHttpServer.start(metrics, 0)) {
            Health ok = health(server);
            assertEquals(200, ok.status(), ok.body().toString());
            assertEquals("1 plugin(s) loaded", ok.check("plugins").get("message").asText());

            connected.set(false);
            Health down = health(server);
            assertEquals(503, down.status());
            assertFalse(down.check("transport.kafka").get("healthy").asBoolean());
            assertEquals("kafka not connected", down.check("transport.kafka").get("message").asText());
            assertTrue(down.check("lag.kafka.data.quotes").get("healthy").asBoolean());
            connected.set(true);

            lag.set(101);
            Health behind = health(server);
            assertEquals(503, behind.status());
            JsonNode lagCheck = behind.check("lag.kafka.data.quotes");
            assertFalse(lagCheck.get("healthy").asBoolean());
            assertEquals(101, lagCheck.get("lag").asLong());
            assertEquals(100, lagCheck.get("maxHealthyLag").asLong());
            lag.set(100);

            metrics.pluginFailed("routing-ml.jar", "ClassNotFoundException: ai.Model");
            Health broken = health(server);
            assertEquals(503, broken.status());
            JsonNode plugins = broken.check("plugins");
            assertFalse(plugins.get("healthy").asBoolean());
            assertTrue(plugins.get("message").asText().contains("routing-ml.jar"), plugins.toString());
            assertEquals("ClassNotFoundException: ai.Model", plugins.get("failed").get("routing-ml.jar").asText());
            assertEquals("venue-sim", plugins.get("loaded").get(0).asText());

            metrics.pluginLoaded("routing-ml.jar"); // fixed and reloaded
            assertEquals(200, health(server).status());
        }
    }

    private static List<String> names(JsonNode body) {
        List<String> names = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
