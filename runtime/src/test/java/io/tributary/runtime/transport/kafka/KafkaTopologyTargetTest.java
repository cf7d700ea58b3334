package io.tributary.runtime.transport.kafka;

import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.compile.TopologyValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mapping and describe, no broker. */
class KafkaTopologyTargetTest {
    private final KafkaTopologyTarget target = new KafkaTopologyTarget(
            KafkaStreamsSettings.defaults("localhost:9092", "risk"), PluginCatalog.empty());

    @Test
    void mapsStatelessOperatorsToProcessorsAndListsWhatIsNotMapped() {
        KafkaPlan plan = target.plan(RiskTopology.build());
        assertEquals(List.of("risk.orders.approved.critical", "risk.orders.approved.high", "risk.orders.approved.normal",
                "risk.orders.approved.low", "risk.orders.rejected.critical", "risk.orders.rejected.high",
                "risk.orders.rejected.normal", "risk.orders.rejected.low"), plan.outputTopics());
        assertEquals(List.of("trades-1s", "to-counts"), plan.unmapped().stream().map(KafkaPlan.Unmapped::node).toList());
        assertTrue(plan.unmapped().get(0).reason().contains("stateful"), plan.unmapped().toString());
        assertTrue(plan.unmapped().get(1).reason().contains("unmapped"), plan.unmapped().toString());
        String text = plan.describe();
        assertTrue(text.startsWith("Kafka plan: order-risk (application.id risk, processing.guarantee at_least_once, "
                + "profile LOW_LATENCY)\n  Reads:\n    orders: topics matching risk\\.orders\\.new\\.[^.]+"
                + "\\.(?:critical|high|normal|low)\n    trades: "), text);
        assertTrue(text.contains("  Not mapped:\n    trades-1s (WINDOW_AGGREGATE): stateful"), text);
        // Kafka Streams' own description: every mapped operator is a processor with the same name
        for (String node : List.of("risk-check", "order-by-account", "critical", "approved", "risk-failed", "rejection",
                "rejection-by-symbol", "rejection-lane", "rejected", "trade-by-symbol")) {
            assertTrue(text.contains("Processor: " + node + " "), node + " in\n" + text);
        }
        assertTrue(text.contains("Sink: approved.kafka (extractor class:"), text);
        assertTrue(text.contains("Sub-topology: 0"), text);
    }

    @Test
    void exactlyOnceAndTheThroughputProfileChangeTheConfig() {
        KafkaStreamsSettings s = KafkaStreamsSettings.defaults("b:9092", "app");
        assertEquals("at_least_once", s.streamsConfig().get("processing.guarantee"));
        assertEquals(0, s.streamsConfig().get("producer.linger.ms"));
        assertEquals(10, s.streamsConfig().get("commit.interval.ms"));
        assertEquals(5, s.streamsConfig().get("poll.ms"));
        KafkaStreamsSettings t = s.withExactlyOnce(true).withProfile(KafkaStreamsSettings.Profile.THROUGHPUT)
                .withKafkaProperties(java.util.Map.of("security.protocol", "SASL_SSL", "poll.ms", 50));
        assertEquals("exactly_once_v2", t.streamsConfig().get("processing.guarantee"));
        assertEquals(5, t.streamsConfig().get("producer.linger.ms"));
        assertEquals(100, t.streamsConfig().get("commit.interval.ms"));
        assertEquals(50, t.streamsConfig().get("poll.ms"), "pass-through properties win");
        assertEquals("SASL_SSL", t.streamsConfig().get("security.protocol"));
    }

    @Test
    void anInvalidTopologyIsRejectedLikeTheCompilerDoes() {
        TopologyBuilder t = new TopologyBuilder("bad");
        t.stream("orders..new", Named.as("broken")).to("out");
        var e = assertThrows(TopologyValidationException.class, () -> target.plan(t.build()));
        assertTrue(e.getMessage().contains("[broken]"), e.getMessage());
    }

    @Test
    void aTopologyWithNoTopicSourceCannotRunOnKafka() {
        TopologyBuilder t = new TopologyBuilder("venues-only");
        t.source(Named.as("feed"), io.tributary.api.dsl.Venue.ref("sim")).subscribe("data.quotes.*.*").to("out");
        KafkaTopologyTarget withSim = new KafkaTopologyTarget(KafkaStreamsSettings.defaults("b:9092", "v"),
                PluginCatalog.builder().venue("sim").build());
        var e = assertThrows(IllegalArgumentException.class, () -> withSim.plan(t.build()));
        assertTrue(e.getMessage().contains("feed (SOURCE_VENUE)"), e.getMessage());
    }
}
