package io.tributary.runtime.transport.kafka;

import io.tributary.api.Envelope;
import io.tributary.api.OverflowPolicy;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.config.TransportSettings;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.schemas.SubmitOrder;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tributary.runtime.transport.kafka.KafkaLanesIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kafka goes away under a running {@link KafkaTransportRunner} and comes back: the link between the
 * clients and a broker that keeps running is cut by a relay, then restored.
 */
class KafkaOutageIT {
    private static final int BEFORE = 20;
    private static final int DURING = 30;

    static Topology passThrough() {
        TopologyBuilder t = new TopologyBuilder("outage");
        t.<SubmitOrder>stream("orders.new.*", Named.as("orders")).to("orders.out", Named.as("out"));
        return t.build();
    }

    /**
     * Before the bridge had an outbox, every bus publish during the cut waited a minute inside
     * Kafka's producer ({@code max.block.ms}) and nothing said Kafka was away.
     */
    @Test
    void theBusKeepsGoingWhileKafkaIsAwayAndWhatWaitedArrivesOnceWhenItIsBack() {
        assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
            TributaryMetrics metrics = TributaryMetrics.builder().build();
            try (OutageDesk desk = new OutageDesk("outage")) {
                CuttableProxy proxy = desk.proxy;
                String bootstrap = desk.bootstrap;
                Map<String, AtomicInteger> out = desk.out;
                try (KafkaTransportRunner kafka = desk.start(Map.of());
                     var registered = kafka.registerMetrics(metrics)) {
                    for (int i = 0; i < BEFORE; i++) {
                        desk.order("before-" + i);
                    }
                    await(() -> out.size() >= BEFORE, () -> "(out " + out.size() + ")");
                    assertTrue(healthy(metrics), "healthy while Kafka takes records");

                    proxy.cut();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < DURING; i++) {
                        desk.order("during-" + i);
                        Thread.sleep(100);
                    }
                    long publishing = (System.nanoTime() - t0) / 1_000_000L;
                    System.out.println("KafkaOutageIT: " + DURING + " publishes with 100 ms pauses during the cut took "
                            + publishing + " ms");
                    // 30 publishes and 3 s of sleeps: a publish waiting out Kafka's max.block.ms alone takes 60 s
                    assertTrue(publishing < 30_000, "the bus was held up: " + publishing + " ms for " + DURING + " publishes");
                    await(() -> kafka.waitingForKafka() > 0, () -> "(waiting " + kafka.waitingForKafka() + ")");
                    assertFalse(healthy(metrics), "not healthy while bus messages wait for Kafka");
                    assertTrue(healthMessage(metrics).startsWith("Kafka at " + bootstrap + " has not answered for ")
                            || healthMessage(metrics).contains(" bus messages wait for Kafka at " + bootstrap), healthMessage(metrics));
                    assertEquals(DURING, kafka.bridged() - BEFORE, "the bridge took every message off the bus");

                    proxy.restore();
                    await(() -> out.size() >= BEFORE + DURING && kafka.waitingForKafka() == 0,
                            () -> "(out " + out.size() + ", waiting " + kafka.waitingForKafka() + ", dropped "
                                    + kafka.droppedForKafka() + ")");
                    await(() -> healthy(metrics), () -> "(healthy again)");
                    // the outputs can be back before the producer has handled every acknowledgement
                    await(() -> kafka.bridgedAndAcknowledged() == BEFORE + DURING,
                            () -> "(every bridged message acknowledged: " + kafka.bridgedAndAcknowledged() + ")");
                    assertEquals(0, kafka.droppedForKafka());
                    assertEquals(0, kafka.refusedForKafka());
                    assertEquals(0, kafka.notDelivered());
                }
                for (int i = 0; i < DURING; i++) {
                    AtomicInteger n = out.get("during-" + i);
                    assertTrue(n != null && n.get() == 1, "during-" + i + " came out once: " + n);
                }
                assertEquals(BEFORE + DURING, out.size());
            }
        });
    }

    /**
     * An outage longer than Kafka's own give-up time ({@code delivery.timeout.ms}, here 4 s of a 10 s
     * cut): the bridge held what the bus sent meanwhile, so no record of the run timed out in a
     * producer, Kafka Streams kept running, and everything came out once when Kafka was back.
     */
    @Test
    void anOutageLongerThanKafkasDeliveryTimeoutLosesNothing() {
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            try (OutageDesk desk = new OutageDesk("long-outage")) {
                CuttableProxy proxy = desk.proxy;
                Map<String, AtomicInteger> out = desk.out;
                try (KafkaTransportRunner kafka = desk.start(Map.of("delivery.timeout.ms", 4000, "request.timeout.ms", 2000))) {
                    for (int i = 0; i < 10; i++) {
                        desk.order("before-" + i);
                    }
                    await(() -> out.size() >= 10, () -> "(out " + out.size() + ")");

                    proxy.cut();
                    for (int i = 0; i < 10; i++) {
                        desk.order("during-" + i);
                        Thread.sleep(1_000);
                    }
                    assertEquals(10, kafka.waitingForKafka(), "all held while Kafka was away");
                    assertTrue(kafka.kafkaAway(), "said to be away");
                    assertEquals(null, kafka.failure(), "Kafka Streams and the read-back kept running");

                    proxy.restore();
                    await(() -> out.size() >= 20 && kafka.waitingForKafka() == 0, () -> "(out " + out.size()
                            + ", waiting " + kafka.waitingForKafka() + ", failure " + kafka.failure() + ")");
                    assertEquals(null, kafka.failure());
                    assertEquals(0, kafka.droppedForKafka() + kafka.refusedForKafka() + kafka.notDelivered());
                }
                assertEquals(20, out.size());
                out.forEach((id, n) -> assertEquals(1, n.get(), id + " came out once"));
            }
        });
    }

    /**
     * An outage while the run has nothing to send: Kafka's clients retry in silence and Kafka Streams
     * stays RUNNING, so before the reachability probe the health check said healthy all through it.
     */
    @Test
    void theHealthCheckSaysKafkaIsAwayWhileNothingIsBeingSent() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            TributaryMetrics metrics = TributaryMetrics.builder().build();
            try (OutageDesk desk = new OutageDesk("quiet-outage")) {
                CuttableProxy proxy = desk.proxy;
                String bootstrap = desk.bootstrap;
                Map<String, AtomicInteger> out = desk.out;
                try (KafkaTransportRunner kafka = desk.start(Map.of());
                     var registered = kafka.registerMetrics(metrics)) {
                    desk.order("before");
                    await(() -> out.size() == 1, () -> "(out " + out.size() + ")");
                    await(() -> healthy(metrics), () -> "(healthy: " + healthMessage(metrics) + ")");

                    proxy.cut();
                    await(() -> !healthy(metrics), () -> "(still healthy: " + healthMessage(metrics) + ")");
                    String message = healthMessage(metrics);
                    assertTrue(message.startsWith("Kafka at " + bootstrap + " has not answered for "), message);
                    assertTrue(kafka.kafkaAway());
                    assertEquals(0, kafka.waitingForKafka(), "nothing was sent meanwhile: the bridge has no part in it");
                    assertEquals(null, kafka.failure());

                    proxy.restore();
                    await(() -> healthy(metrics), () -> "(not healthy again: " + healthMessage(metrics) + ")");
                    assertFalse(kafka.kafkaAway());
                    desk.order("after");
                    await(() -> out.size() == 2, () -> "(out " + out.size() + ")");
                }
                assertEquals(1, out.get("after").get());
            }
        });
    }

    /**
     * A run stopped while Kafka is away does not wait for it: before, the stop took 95 s (Kafka Streams
     * 15 s, each lane consumer's commits 10 s, the outbox 5 s, then Kafka's producer, whose
     * {@code close()} waits for every record's {@code delivery.timeout.ms}). What never reached Kafka
     * is counted and waits no more.
     */
    @Test
    void aRunStoppedWhileKafkaIsAwayStopsAtOnceAndCountsWhatWasNotSent() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (OutageDesk desk = new OutageDesk("stop-while-away")) {
                Map<String, AtomicInteger> out = desk.out;
                KafkaTransportRunner kafka = desk.start(Map.of());
                try {
                    desk.order("before");
                    await(() -> out.size() == 1, () -> "(out " + out.size() + ")");

                    desk.proxy.cut();
                    for (int i = 0; i < 5; i++) {
                        desk.order("during-" + i);
                    }
                    // the producer still knows the lane's leader, so it takes them and holds them unacknowledged
                    await(kafka::kafkaAway, () -> "(not said to be away)");
                    assertEquals(6, kafka.bridged());
                    assertEquals(1, kafka.bridgedAndAcknowledged());

                    long t0 = System.nanoTime();
                    kafka.close();
                    long stopping = (System.nanoTime() - t0) / 1_000_000L;
                    System.out.println("KafkaOutageIT: a run stopped while Kafka was away took " + stopping + " ms to stop");
                    assertTrue(stopping < 15_000, "stopping waited on a Kafka that is away: " + stopping + " ms");
                    assertEquals(5, kafka.droppedForKafka(), "what never reached Kafka is counted");
                    assertEquals(0, kafka.waitingForKafka(), "and waits no more");
                } finally {
                    kafka.close();
                }
            }
        });
    }

    /**
     * A full outbox lane applies its overflow policy, never touching the message being sent: once
     * Kafka is back that one goes, then the rest CRITICAL first, in the order they were sent, each
     * with the id it was given.
     */
    @Test
    void aFullOutboxLaneAppliesItsPolicyAndTheOutboxDrainsCriticalFirst() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (CuttableProxy proxy = new CuttableProxy();
                 EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startAdvertising(proxy.port())) {
                proxy.relayTo(Integer.parseInt(broker.bootstrapServers().replaceAll(".*:", "")));
                String bootstrap = "localhost:" + proxy.port();
                KafkaLanes lanes = new KafkaLanes(KafkaLaneSettings.defaults(bootstrap, "outbox")
                        .withKafkaProperties(Map.of("max.block.ms", 50)));
                lanes.createTopics(List.of("warm", "quotes"), 1);
                TransportSettings.Kafka.Outbox four = new TransportSettings.Kafka.Outbox(4, Duration.ofMillis(100), Map.of(
                        Priority.CRITICAL, OverflowPolicy.BLOCK, Priority.HIGH, OverflowPolicy.BLOCK,
                        Priority.NORMAL, OverflowPolicy.REJECT, Priority.LOW, OverflowPolicy.DROP_OLDEST));
                try (KafkaLanePublisher publisher = lanes.publisher()) {
                    KafkaBridge bridge = new KafkaBridge(publisher, bootstrap, four);
                    // the producer connects, and learns where "warm" lives; what "quotes" has it must ask, and cannot
                    bridge.send("warm", "k", RiskTopology.order("acct-1", "warm-up", 1), Priority.NORMAL);
                    await(() -> bridge.sent() == 1, () -> "(sent " + bridge.sent() + ")");

                    proxy.cut();
                    bridge.send("quotes", "k", RiskTopology.order("acct-1", "low-0", 1), Priority.LOW);
                    // the drainer takes it, cannot send it, and keeps it in hand
                    await(() -> !bridge.healthy(), () -> "(the drainer's send to a cut link refused)");
                    for (int i = 1; i < 10; i++) {   // LOW first: the drain must still put CRITICAL ahead
                        bridge.send("quotes", "k", RiskTopology.order("acct-1", "low-" + i, 1), Priority.LOW);
                    }
                    for (int i = 0; i < 6; i++) {
                        bridge.send("quotes", "k", RiskTopology.order("acct-1", "normal-" + i, 1), Priority.NORMAL);
                        bridge.send("quotes", "k", RiskTopology.order("acct-1", "critical-" + i, 1), Priority.CRITICAL);
                    }
                    assertEquals(13, bridge.waiting(), "low-0 in hand, 4 queued per lane");
                    assertEquals(5, bridge.dropped(), "DROP_OLDEST: low-1..5 made room for low-6..9");
                    assertEquals(4, bridge.refused(), "REJECT: normal-4..5; BLOCK, after 100 ms each: critical-4..5");
                    assertFalse(bridge.healthy());

                    proxy.restore();
                    await(() -> bridge.waiting() == 0 && bridge.sent() == 14, () -> "(waiting " + bridge.waiting()
                            + ", sent " + bridge.sent() + ")");
                    assertTrue(bridge.healthy());
                    bridge.close();
                }
                List<ConsumerRecord<String, byte[]>> critical = read(bootstrap, "outbox.quotes.critical", 4);
                List<ConsumerRecord<String, byte[]>> normal = read(bootstrap, "outbox.quotes.normal", 4);
                List<ConsumerRecord<String, byte[]>> low = read(bootstrap, "outbox.quotes.low", 5);
                assertEquals(List.of("critical-0", "critical-1", "critical-2", "critical-3"), orderIds(critical));
                assertEquals(List.of("normal-0", "normal-1", "normal-2", "normal-3"), orderIds(normal));
                assertEquals(List.of("low-0", "low-6", "low-7", "low-8", "low-9"), orderIds(low));
                assertTrue(critical.get(3).timestamp() <= normal.get(0).timestamp()
                                && normal.get(3).timestamp() <= low.get(1).timestamp(),
                        "after the one in hand, CRITICAL, then NORMAL, then LOW");
                for (ConsumerRecord<String, byte[]> r : critical) {
                    assertTrue(r.headers().lastHeader(KafkaHeaders.FROM_BUS) != null, "marked as the bus's own");
                    assertTrue(r.headers().lastHeader(KafkaHeaders.MESSAGE_ID) != null);
                }
            }
        });
    }

    private static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic, int count) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "outbox-check-" + topic, "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);   // nothing more should come
            return out;
        }
    }

    private static List<String> orderIds(List<ConsumerRecord<String, byte[]>> records) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            ids.add(((SubmitOrder) TributarySerde.get().decode(r.value())).getClientOrderId());
        }
        return ids;
    }

    /**
     * A broker whose clients reach it through a relay the test cuts, the app's input lanes, and a bus
     * on which each {@code orders.out} output is counted by its client order id.
     */
    private static final class OutageDesk implements AutoCloseable {
        final CuttableProxy proxy;
        final EmbeddedKafkaBroker broker;
        final String bootstrap;
        final String app;
        final LocalMessageBus bus = LocalMessageBus.withDefaults();
        final Map<String, AtomicInteger> out = new ConcurrentHashMap<>();

        OutageDesk(String app) throws IOException {
            this.app = app;
            this.proxy = new CuttableProxy();
            this.broker = EmbeddedKafkaBroker.startAdvertising(proxy.port());
            proxy.relayTo(Integer.parseInt(broker.bootstrapServers().replaceAll(".*:", "")));
            this.bootstrap = "localhost:" + proxy.port();
            new KafkaLanes(KafkaLaneSettings.defaults(bootstrap, app)).createTopics(List.of("orders.new.acct-1"), 1);
            bus.subscribe("orders.out", (Envelope<SubmitOrder> m) -> out.computeIfAbsent(
                    m.payload().getClientOrderId(), k -> new AtomicInteger()).incrementAndGet(), SubscribeOptions.inline());
        }

        /**
         * A runner of {@link #passThrough()} with these client settings, running. With docs/kafka.md's
         * fast fail-over settings: a stream thread replaced after the rebalance that follows an outage
         * resumes once the dead thread's membership expires, 45 s with Kafka's default.
         */
        KafkaTransportRunner start(Map<String, Object> client) throws InterruptedException {
            Map<String, Object> settings = new HashMap<>(Map.of("session.timeout.ms", 6_000, "heartbeat.interval.ms", 1_000));
            settings.putAll(client);
            KafkaTransportRunner kafka = KafkaTransportRunner.start(passThrough(), PluginCatalog.empty(), bus,
                    new KafkaTransportRunner.Options(bootstrap, app, false, settings));
            if (!kafka.awaitRunning(Duration.ofSeconds(60))) {
                kafka.close();
                fail("Kafka Streams did not reach RUNNING within 60 s");
            }
            return kafka;
        }

        void order(String clientOrderId) {
            bus.publish("orders.new.acct-1", "acct-1", RiskTopology.order("acct-1", clientOrderId, 10), Priority.NORMAL);
        }

        @Override
        public void close() {
            bus.close();
            broker.close();
            proxy.close();
        }
    }

    private static boolean healthy(TributaryMetrics metrics) {
        return metrics.healthChecks().runHealthCheck("transport.kafka").isHealthy();
    }

    private static String healthMessage(TributaryMetrics metrics) {
        return metrics.healthChecks().runHealthCheck("transport.kafka").getMessage();
    }
}
