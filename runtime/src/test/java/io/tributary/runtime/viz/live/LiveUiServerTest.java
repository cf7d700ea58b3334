package io.tributary.runtime.viz.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.Priority;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyCompiler;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.runtime.plan.PhysicalPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live page's endpoints over real HTTP: the page and its assets, the JSON APIs, and the SSE framing. */
@Timeout(60)
class LiveUiServerTest {
    private final LocalMessageBus bus = LocalMessageBus.withDefaults();
    private final TributaryMetrics metrics = TributaryMetrics.create();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private PhysicalPlan plan;
    private LiveUiServer server;

    @BeforeEach
    void start() {
        TopologyBuilder t = new TopologyBuilder("desk");
        t.<Integer>stream("ticks.*", Named.as("ticks")).filter(i -> i % 2 == 0, Named.as("even"))
                .to("even.ticks", Named.as("out"));
        plan = new TopologyCompiler(PluginCatalog.empty(), Duration.ofMillis(5)).compile(t.build());
        metrics.bind(bus);
        plan.start(bus, metrics);
        server = LiveUiServer.start(plan, metrics, bus, "127.0.0.1", 0, Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        server.close();
        plan.stop();
        bus.close();
        metrics.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void framesSplitDataIntoOneLinePerDataField() {
        assertEquals("id: 7\nevent: snapshot\ndata: {\"a\":1}\n\n", SseStream.frame("snapshot", 7, "{\"a\":1}"));
        assertEquals("id: 1\nevent: x\ndata: one\ndata: two\ndata: \ndata: three\n\n",
                SseStream.frame("x", 1, "one\ntwo\r\n\rthree"));
    }

    @Test
    void thePageEmbedsTheDrawingAndLoadsOnlyItsOwnAssets() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tributary-topology\""), "inline SVG");
        assertFalse(html.contains("<?xml"), "no XML prolog inside HTML");
        for (String id : List.of("node-ticks", "node-even", "node-out", "rate-node-ticks", "lanes", "alerts", "details")) {
            assertTrue(html.contains("id=\"" + id + "\""), "element " + id);
        }
        assertTrue(html.contains("<script src=\"live.js\"></script>"));
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing loaded from another host");

        HttpResponse<String> script = get("/live.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("new EventSource('events')"));
        assertEquals(200, get("/live.css").statusCode());
    }

    @Test
    void topologyApiGivesEveryNodesConfiguration() throws Exception {
        HttpResponse<String> response = get("/api/topology");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertEquals("desk", body.get("topology").asText());
        assertEquals(3, body.get("nodes").size());
        JsonNode out = body.get("nodes").get(2);
        assertEquals("out", out.get("name").asText());
        assertEquals("SINK", out.get("kind").asText());
        assertEquals("even.ticks", out.get("topics").get(0).asText());
        assertEquals("ticks", out.get("stage").asText());
    }

    @Test
    void unknownPathsAndOtherMethodsAreRefusedWithAClearStatus() throws Exception {
        HttpResponse<String> missing = get("/nope");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("/nope"), missing.body());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/events"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
    }

    /** Reads one SSE event (lines up to a blank line) as its field lines. */
    private static List<String> readEvent(BufferedReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!lines.isEmpty()) {
                    return lines;
                }
            } else if (!line.startsWith(":")) {
                lines.add(line);
            }
        }
        throw new IOException("stream ended after " + lines);
    }

    @Test
    void eventsStreamSnapshotsAsServerSentEventsUntilTheServerCloses() throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(""));
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));

        assertEquals(List.of("retry: " + SseStream.RETRY_MILLIS), readEvent(reader), "reconnect delay first");
        List<String> first = readEvent(reader);
        assertEquals(3, first.size(), first.toString());
        assertTrue(first.get(0).matches("id: \\d+"), first.get(0));
        assertEquals("event: snapshot", first.get(1));
        assertTrue(first.get(2).startsWith("data: {"), first.get(2));
        JsonNode snapshot = json.readTree(first.get(2).substring("data: ".length()));
        long id = Long.parseLong(first.get(0).substring(4));
        assertEquals(id, snapshot.get("sequence").asLong(), "the event id is the snapshot's sequence");
        assertEquals("desk", snapshot.get("topology").asText());

        for (int i = 0; i < 50; i++) {
            bus.publish("ticks.a", "k", i, Priority.NORMAL);
        }
        long in = 0;
        long previous = id;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (in < 50 && System.nanoTime() < deadline) {
            List<String> event = readEvent(reader);
            long next = Long.parseLong(event.get(0).substring(4));
            assertTrue(next > previous, "ids increase: " + previous + " then " + next);
            previous = next;
            in = json.readTree(event.get(2).substring(6)).get("nodes").get(0).get("in").asLong();
        }
        assertEquals(50, in, "the stream shows the traffic");

        HttpResponse<String> latest = get("/api/snapshot");
        assertEquals(200, latest.statusCode());
        assertTrue(json.readTree(latest.body()).get("sequence").asLong() >= previous);

        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> {
            try {
                while (reader.readLine() != null) {
                    // read until the server ends the stream
                }
            } catch (IOException ended) {
                // a cut connection ends it too
            }
        });
        server.close();
        drained.get(10, TimeUnit.SECONDS);
        assertThrows(ConnectException.class, () -> {
            try {
                get("/");
            } catch (IOException e) {
                throw e instanceof ConnectException ? e : (e.getCause() instanceof ConnectException c ? c : e);
            }
        }, "the port is free after close");
    }

    @Test
    void aPortInUseIsNamedInTheError() {
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> LiveUiServer.start(plan, metrics, bus, server.port()));
        assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
        assertNotNull(e.getCause());
    }
}
