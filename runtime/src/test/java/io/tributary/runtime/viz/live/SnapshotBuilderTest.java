package io.tributary.runtime.viz.live;

import com.codahale.metrics.Gauge;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.dsl.Named;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot a live page receives, read from a real plan on a real {@link LocalMessageBus} after
 * known traffic: exact counts, rates over a hand-picked interval, lanes, totals and open alerts, and
 * the JSON the page parses.
 */
@Timeout(60)
class SnapshotBuilderTest {
    private static final long T0 = 5_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final LocalMessageBus bus = LocalMessageBus.withDefaults();
    private final TributaryMetrics metrics = TributaryMetrics.builder().laneStatsTtl(Duration.ZERO).build();
    private final AtomicInteger even = new AtomicInteger();
    private PhysicalPlan plan;

    /** ticks → check (every tenth throws) → even (keeps even numbers) → out (topic even.ticks), one stage. */
    private PhysicalPlan startDesk() {
        TopologyBuilder t = new TopologyBuilder("desk");
        t.<Integer>stream("ticks.*", Named.as("ticks")).map(i -> {
            if (i % 10 == 0) {
                throw new IllegalStateException("tick " + i + " is bad");
            }
            return i;
        }, Named.as("check")).filter(i -> i % 2 == 0, Named.as("even")).to("even.ticks", Named.as("out"));
        plan = new TopologyCompiler(PluginCatalog.empty(), Duration.ofMillis(5)).compile(t.build());
        bus.subscribe("even.ticks", (MessageHandler<Object>) (Envelope<Object> m) -> even.incrementAndGet(),
                SubscribeOptions.inline());
        metrics.bind(bus);
        plan.start(bus, metrics);
        return plan;
    }

    @AfterEach
    void stop() {
        if (plan != null) {
            plan.stop();
        }
        bus.close();
        metrics.close();
    }

    private void publishTicks(int from, int to) {
        for (int i = from; i <= to; i++) {
            bus.publish("ticks.a", "k", i, Priority.NORMAL);
        }
    }

    private long count(String name) {
        return metrics.registry().getMetrics().get(name) instanceof com.codahale.metrics.Counting c ? c.getCount() : -1;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Waits until the stage has finished (or failed) {@code n} messages and the lane has delivered them all. */
    private void awaitSettled(long n) throws InterruptedException {
        await(n + " messages through the stage and the lane", () ->
                count("tributary.desk.ticks.out") + count("tributary.desk.ticks.errors") == n
                        && count("tributary.lane.normal.delivered") == n
                        && bus.executor().laneStats(Priority.NORMAL).depth() == 0);
    }

    @Test
    void countsAndRatesOfTheStageAndTheLanesAreExactAfterKnownTraffic() throws Exception {
        startDesk();
        SnapshotBuilder builder = new SnapshotBuilder(plan, metrics.registry()::getMetrics, new AlertBoard(null), T0);
        publishTicks(1, 100);
        awaitSettled(100);

        LiveSnapshot first = builder.build(T0 + 2 * SECOND, 1_234L);
        assertEquals("desk", first.topology());
        assertEquals(1, first.sequence());
        assertEquals(1_234L, first.epochMillis());
        assertEquals(2.0, first.uptimeSeconds());
        assertEquals(List.of("ticks", "check", "even", "out"), first.nodes().stream().map(LiveSnapshot.Node::name).toList());

        LiveSnapshot.Node ticks = first.nodes().get(0);
        assertEquals("node-ticks", ticks.id());
        assertEquals("ticks", ticks.stage());
        assertTrue(ticks.metered(), "the stage's entry node carries the stage's meters");
        assertEquals(100, ticks.in());
        assertEquals(90, ticks.out(), "every tenth tick threw");
        assertEquals(10, ticks.errors());
        assertEquals(50.0, ticks.inRate(), "100 messages over 2 s");
        assertEquals(45.0, ticks.outRate(), "90 finished over 2 s");
        assertTrue(ticks.latencyP99Nanos() > 0, "sampled latency recorded");
        for (LiveSnapshot.Node fused : first.nodes().subList(1, 4)) {
            assertEquals("ticks", fused.stage(), fused.name() + " is fused into the source's stage");
            assertFalse(fused.metered(), fused.name());
            assertEquals(0, fused.in(), fused.name());
        }

        LiveSnapshot.Lane normal = first.lanes().get(Priority.NORMAL.ordinal());
        assertEquals(List.of("CRITICAL", "HIGH", "NORMAL", "LOW"), first.lanes().stream().map(LiveSnapshot.Lane::lane).toList());
        assertEquals(100, normal.enqueued());
        assertEquals(100, normal.delivered());
        assertEquals(50.0, normal.deliveredRate());
        assertEquals(0, normal.depth());
        assertEquals(0, normal.dropped());
        assertTrue(normal.waitMaxNanos() >= normal.waitP99Nanos(), "max " + normal.waitMaxNanos() + " p99 " + normal.waitP99Nanos());
        LiveSnapshot.Lane critical = first.lanes().get(Priority.CRITICAL.ordinal());
        assertEquals(0, critical.enqueued());
        assertEquals(0.0, critical.deliveredRate());
        assertEquals(10, first.totals().handlerErrors(), "the bus counts each throw");
        assertEquals(10, first.totals().deadLetters());
        assertEquals(0, first.totals().dropped());
        assertTrue(first.totals().workers() >= 1);
        assertEquals(40, even.get(), "50 even ticks, less the 10 multiples of ten that threw");

        publishTicks(101, 120);
        awaitSettled(120);
        LiveSnapshot second = builder.build(T0 + 3 * SECOND, 2_234L);
        assertEquals(2, second.sequence());
        LiveSnapshot.Node again = second.nodes().get(0);
        assertEquals(120, again.in());
        assertEquals(20.0, again.inRate(), "rates count from the previous snapshot: 20 in 1 s");
        assertEquals(18.0, again.outRate(), "110 and 120 threw");
        assertEquals(20.0, second.lanes().get(Priority.NORMAL.ordinal()).deliveredRate());
    }

    @Test
    void openAlertsComeFromTheBusUntilResolved() throws Exception {
        startDesk();
        AtomicLong level = new AtomicLong();
        metrics.registry().register("tributary.test.level", (Gauge<Long>) level::get);
        AlertEvaluator evaluator = AlertEvaluator.builder(metrics.registry(), bus).clock(() -> 77L)
                .rule(AlertRule.builder("level-high").metric("tributary.test.level").above(5)
                        .severity(AlertSeverity.CRITICAL).build()).build();
        try (AlertBoard board = new AlertBoard(bus)) {
            SnapshotBuilder builder = new SnapshotBuilder(plan, metrics.registry()::getMetrics, board, T0);
            evaluator.evaluate();
            assertEquals(List.of(), builder.build(T0 + SECOND, 0).alerts());

            level.set(9);
            evaluator.evaluate();
            List<LiveSnapshot.OpenAlert> open = builder.build(T0 + 2 * SECOND, 0).alerts();
            assertEquals(1, open.size(), open.toString());
            LiveSnapshot.OpenAlert alert = open.get(0);
            assertEquals("CRITICAL", alert.severity());
            assertEquals("level-high", alert.rule());
            assertEquals("tributary.test.level", alert.metric());
            assertEquals(9.0, alert.value());
            assertEquals(5.0, alert.threshold());
            assertEquals(77L, alert.raisedAtNanos());
            assertTrue(alert.message().contains("9"), alert.message());

            level.set(1);
            evaluator.evaluate();
            assertEquals(List.of(), builder.build(T0 + 3 * SECOND, 0).alerts(), "resolved alerts leave the page");
        }
    }

    @Test
    void theJsonThePageParsesHasEveryField() throws Exception {
        startDesk();
        SnapshotBuilder builder = new SnapshotBuilder(plan, metrics.registry()::getMetrics, new AlertBoard(null), T0);
        publishTicks(1, 10);
        awaitSettled(10);
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(builder.build(T0 + SECOND, 99L)));

        assertEquals("desk", json.get("topology").asText());
        assertEquals(99L, json.get("epochMillis").asLong());
        JsonNode ticks = json.get("nodes").get(0);
        assertEquals("ticks", ticks.get("name").asText());
        assertEquals("node-ticks", ticks.get("id").asText());
        assertTrue(ticks.get("metered").asBoolean());
        assertEquals(10, ticks.get("in").asLong());
        assertEquals(9, ticks.get("out").asLong());
        assertEquals(1, ticks.get("errors").asLong());
        assertEquals(10.0, ticks.get("inRate").asDouble());
        assertTrue(ticks.get("events").isObject());
        JsonNode normal = json.get("lanes").get(2);
        assertEquals("NORMAL", normal.get("lane").asText());
        for (String field : List.of("depth", "waitP99Nanos", "waitMaxNanos", "enqueued", "delivered", "deliveredRate",
                "dropped", "conflated", "rejected", "failed")) {
            assertTrue(normal.has(field), "lane field " + field + " in " + normal);
        }
        assertEquals(10, normal.get("delivered").asLong());
        for (String field : List.of("dropped", "conflated", "rejected", "handlerErrors", "deadLetters", "workers")) {
            assertTrue(json.get("totals").has(field), "totals field " + field);
        }
        assertTrue(json.get("alerts").isArray());
    }

    @Test
    void nodeConfigurationComesFromTheDescription() {
        startDesk();
        Map<String, NodeConfig> byName = new java.util.LinkedHashMap<>();
        NodeConfig.of(plan).forEach(c -> byName.put(c.name(), c));
        assertEquals(List.of("ticks", "check", "even", "out"), List.copyOf(byName.keySet()));
        NodeConfig ticks = byName.get("ticks");
        assertEquals("SOURCE", ticks.kind());
        assertEquals("SOURCE_TOPIC", ticks.type());
        assertEquals(List.of("ticks.*"), ticks.topics());
        assertEquals(List.of("check"), ticks.successors());
        assertEquals("NORMAL", ticks.lane());
        assertNull(ticks.plugin());
        NodeConfig out = byName.get("out");
        assertEquals("SINK", out.kind());
        assertEquals(List.of("even.ticks"), out.topics());
        assertEquals(List.of("even"), out.predecessors());
        assertEquals("ticks", out.stage());
    }
}
