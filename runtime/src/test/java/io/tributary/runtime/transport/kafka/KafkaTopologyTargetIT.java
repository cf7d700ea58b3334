package io.tributary.runtime.transport.kafka;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.metrics.Registration;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.schemas.OrderRejected;
import io.tributary.schemas.SubmitOrder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.tributary.runtime.transport.kafka.KafkaLanesIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order-risk example's stateless path as a Kafka Streams application on the embedded broker. */
class KafkaTopologyTargetIT {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @Test
    void orderRiskRunsEndToEndFromLaneTopicsThroughKafkaStreamsBackOntoTheBus() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            String app = "risk";
            KafkaPlan plan = new KafkaTopologyTarget(KafkaStreamsSettings.defaults(KAFKA.bootstrapServers(), app),
                    PluginCatalog.empty()).plan(RiskTopology.build());
            KafkaLanes lanes = new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), app));
            lanes.createTopics(List.of("orders.new.acct-1", "orders.new.acct-2"), 2);
            plan.createOutputTopics(2);

            ConcurrentLinkedQueue<Envelope<SubmitOrder>> approved = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Envelope<OrderRejected>> rejected = new ConcurrentLinkedQueue<>();
            try (LocalMessageBus bus = LocalMessageBus.withDefaults();
                 RunningKafkaPlan running = plan.start();
                 KafkaLanePublisher publisher = lanes.publisher()) {
                bus.subscribe("orders.approved", (Envelope<SubmitOrder> m) -> approved.add(m.copy()), SubscribeOptions.inline());
                bus.subscribe("orders.rejected", (Envelope<OrderRejected> m) -> rejected.add(m.copy()), SubscribeOptions.inline());
                try (PriorityLaneConsumer out = lanes.consumer(bus, List.of("orders.approved", "orders.rejected")).start()) {
                    assertTrue(running.awaitRunning(Duration.ofSeconds(60)), "Kafka Streams running, was " + running.state());
                    for (int i = 0; i < 10; i++) {
                        String account = i % 2 == 0 ? "acct-1" : "acct-2";
                        long quantity = i < 6 ? 10 + i : 1_000 + i;   // 6 pass the risk check, 4 do not
                        publisher.publish("orders.new." + account, account,
                                RiskTopology.order(account, "o-" + i, quantity), i == 9 ? Priority.LOW : Priority.NORMAL);
                    }
                    publisher.publishBytes(lanes.topics().topic("orders.new.acct-1", Priority.NORMAL), "junk",
                            "not avro".getBytes(StandardCharsets.UTF_8), null).get();
                    await(() -> approved.size() == 6 && rejected.size() == 4, () -> "(approved " + approved.size()
                            + ", rejected " + rejected.size() + "; Kafka Streams " + running.state() + ", failure "
                            + running.failure() + "; read back per lane " + out.delivered(Priority.CRITICAL) + "/"
                            + out.delivered(Priority.HIGH) + "/" + out.delivered(Priority.NORMAL) + "/"
                            + out.delivered(Priority.LOW) + ", duplicates " + out.duplicates() + ")");
                    assertNull(running.failure());
                }
            }
            for (Envelope<SubmitOrder> m : approved) {
                assertEquals(Priority.CRITICAL, m.priority(), "approved orders travel on CRITICAL");
                assertEquals(m.payload().getStrategyId(), m.key(), "keyed by account");
                assertTrue(m.payload().getQuantity().getMantissa() <= RiskTopology.MAX_QUANTITY);
            }
            List<String> reasons = new ArrayList<>();
            for (Envelope<OrderRejected> m : rejected) {
                assertEquals(Priority.HIGH, m.priority());
                assertEquals("BTCUSDT", m.key());
                reasons.add(m.payload().getReason());
            }
            assertTrue(reasons.contains("quantity 1009 above 100"), reasons.toString());

            // the undecodable input went to Kafka Streams' dead-letter topic, the rest went on
            ConsumerRecord<String, byte[]> letter = readOne(app + ".dlq");
            assertEquals("not avro", new String(letter.value(), StandardCharsets.UTF_8));
            assertEquals(1L, plan.counters().get(KafkaPlan.UNDECODABLE));
        });
    }

    /** What {@code run --transport kafka} does: bus -> lane topics -> Kafka Streams -> lane topics -> bus. */
    @Test
    void theRunnerBridgesTheBusThroughKafkaStreamsAndBack() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            String app = "runner";
            new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), app))
                    .createTopics(List.of("orders.new.acct-7"), 1);   // else found within metadata.max.age.ms
            ConcurrentLinkedQueue<Envelope<SubmitOrder>> approved = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Envelope<OrderRejected>> rejected = new ConcurrentLinkedQueue<>();
            try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
                bus.subscribe("orders.approved", (Envelope<SubmitOrder> m) -> approved.add(m.copy()), SubscribeOptions.inline());
                bus.subscribe("orders.rejected", (Envelope<OrderRejected> m) -> rejected.add(m.copy()), SubscribeOptions.inline());
                try (KafkaTransportRunner kafka = KafkaTransportRunner.start(RiskTopology.build(), PluginCatalog.empty(), bus,
                        new KafkaTransportRunner.Options(KAFKA.bootstrapServers(), app, false, Map.of()));
                     TributaryMetrics metrics = TributaryMetrics.builder().build();
                     Registration registered = kafka.registerMetrics(metrics)) {
                    assertTrue(kafka.awaitRunning(Duration.ofSeconds(60)));
                    bus.publish("orders.new.acct-7", "acct-7", RiskTopology.order("acct-7", "r-1", 5), Priority.NORMAL);
                    bus.publish("orders.new.acct-7", "acct-7", RiskTopology.order("acct-7", "r-2", 500), Priority.NORMAL);
                    bus.publish("orders.new.acct-7", "acct-7", "not an Avro record", Priority.NORMAL);
                    await(() -> approved.size() == 1 && rejected.size() == 1);
                    assertEquals(2, kafka.bridged());
                    assertEquals(1, kafka.notAvro());
                    assertTrue(kafka.plan().describe().contains("Not mapped:"));
                    // the same figures in Dropwizard, as /metrics exports them
                    var counters = metrics.registry().getCounters();
                    assertEquals(2, counters.get("tributary.transport.kafka.bridged").getCount());
                    assertEquals(1, counters.get("tributary.transport.kafka.not-sent").getCount());
                    assertEquals(2, counters.get("tributary.transport.kafka.read-back").getCount());
                    assertEquals(0, counters.get("tributary.transport.kafka.streams.processing-failed").getCount());
                    assertEquals(0, counters.get("tributary.transport.kafka.streams.approved.not-sent").getCount());
                    for (Priority lane : Priority.values()) {
                        String lag = "tributary.transport.kafka.read-back." + lane.name().toLowerCase(java.util.Locale.ROOT) + ".lag";
                        assertEquals(0L, metrics.registry().getGauges().get(lag).getValue(), lag);
                    }
                    assertTrue(metrics.healthChecks().runHealthCheck("transport.kafka").isHealthy());
                    registered.close();
                    assertTrue(metrics.registry().getNames().stream().noneMatch(n -> n.startsWith("tributary.transport.kafka")),
                            "closed: " + metrics.registry().getNames());
                    assertFalse(metrics.healthChecks().getNames().contains("transport.kafka"));
                }
            }
            assertEquals("r-1", approved.peek().payload().getClientOrderId());
            assertEquals(Priority.CRITICAL, approved.peek().priority());
            assertEquals("r-2", rejected.peek().payload().getClientOrderId());
        });
    }

    /** As on the in-process bus, a function that throws costs its record, not the application. */
    @Test
    void aRecordAFunctionThrowsOnIsSkippedCountedAndDeadLetteredAndProcessingGoesOn() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            String app = "failing";
            KafkaPlan plan = new KafkaTopologyTarget(KafkaStreamsSettings.defaults(KAFKA.bootstrapServers(), app),
                    PluginCatalog.empty()).plan(pricing());
            KafkaLanes lanes = new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), app));
            lanes.createTopics(List.of("orders.new.acct-1"), 1);
            plan.createOutputTopics(1);
            ConcurrentLinkedQueue<String> priced = new ConcurrentLinkedQueue<>();
            try (LocalMessageBus bus = LocalMessageBus.withDefaults();
                 RunningKafkaPlan running = plan.start();
                 KafkaLanePublisher publisher = lanes.publisher()) {
                bus.subscribe("orders.priced", (Envelope<SubmitOrder> m) -> priced.add(m.payload().getClientOrderId()),
                        SubscribeOptions.inline());
                try (PriorityLaneConsumer out = lanes.consumer(bus, List.of("orders.priced")).start()) {
                    assertTrue(running.awaitRunning(Duration.ofSeconds(60)), "Kafka Streams running, was " + running.state());
                    for (String id : List.of("a", "boom", "b")) {
                        publisher.publish("orders.new.acct-1", "acct-1", RiskTopology.order("acct-1", id, 5), Priority.NORMAL).get();
                    }
                    await(() -> priced.size() == 2, () -> "(priced " + priced + "; Kafka Streams " + running.state()
                            + ", failure " + running.failure() + ", counters " + plan.counters() + ")");
                    assertEquals(KafkaStreams.State.RUNNING, running.state());
                    assertNull(running.failure());
                }
            }
            assertEquals(List.of("a", "b"), List.copyOf(priced));
            assertEquals(1L, plan.counters().get(KafkaPlan.PROCESSING_FAILED));
            ConsumerRecord<String, byte[]> letter = readOne(app + ".dlq");
            assertEquals(IllegalStateException.class.getName(), header(letter, "__streams.errors.exception"));
            assertEquals("no price for boom", header(letter, "__streams.errors.message"));
            assertEquals(lanes.topics().topic("orders.new.acct-1", Priority.NORMAL), header(letter, "__streams.errors.topic"));
        });
    }

    /** Told to stop on the first failure, the application stops; the runner says why and turns unhealthy. */
    @Test
    void aRunnerWhoseApplicationStopsReportsTheFailureAndIsUnhealthy() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            String app = "fail-fast";
            new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), app))
                    .createTopics(List.of("orders.new.acct-1"), 1);   // else found within metadata.max.age.ms
            try (LocalMessageBus bus = LocalMessageBus.withDefaults();
                 KafkaTransportRunner kafka = KafkaTransportRunner.start(pricing(), PluginCatalog.empty(), bus,
                         new KafkaTransportRunner.Options(KAFKA.bootstrapServers(), app, false, Map.of(
                                 "processing.exception.handler", LogAndFailProcessingExceptionHandler.class.getName())));
                 TributaryMetrics metrics = TributaryMetrics.builder().build();
                 Registration registered = kafka.registerMetrics(metrics)) {
                assertTrue(kafka.awaitRunning(Duration.ofSeconds(60)));
                assertNull(kafka.failure());
                assertTrue(metrics.healthChecks().runHealthCheck("transport.kafka").isHealthy());
                bus.publish("orders.new.acct-1", "acct-1", RiskTopology.order("acct-1", "boom", 5), Priority.NORMAL);
                await(() -> kafka.failure() != null);
                assertTrue(String.valueOf(kafka.failure().getCause()).contains("no price for boom"),
                        String.valueOf(kafka.failure()));
                assertFalse(metrics.healthChecks().runHealthCheck("transport.kafka").isHealthy());
            }
        });
    }

    /** Orders priced on Kafka Streams; the price step throws on client order id "boom". */
    private static io.tributary.api.dsl.Topology pricing() {
        TopologyBuilder t = new TopologyBuilder("priced");
        t.<SubmitOrder>stream("orders.new.*", Named.as("orders"))
                .map(o -> {
                    if (o.getClientOrderId().equals("boom")) {
                        throw new IllegalStateException("no price for " + o.getClientOrderId());
                    }
                    return o;
                }, Named.as("price"))
                .to("orders.priced", Named.as("priced"));
        return t.build();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> readOne(String topic) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", KAFKA.bootstrapServers(),
                "group.id", "reader-" + topic, "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            while (true) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                    return r;
                }
            }
        }
    }
}
