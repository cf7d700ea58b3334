package io.tributary.runtime.transport.kafka;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.runtime.metrics.TributaryMetrics;
import io.tributary.schemas.SubmitOrder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tributary.runtime.transport.kafka.KafkaLanesIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            try (CuttableProxy proxy = new CuttableProxy();
                 EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startAdvertising(proxy.port())) {
                proxy.relayTo(Integer.parseInt(broker.bootstrapServers().replaceAll(".*:", "")));
                String bootstrap = "localhost:" + proxy.port();
                String app = "outage";
                new KafkaLanes(KafkaLaneSettings.defaults(bootstrap, app)).createTopics(List.of("orders.new.acct-1"), 1);
                Map<String, AtomicInteger> out = new ConcurrentHashMap<>();
                TributaryMetrics metrics = TributaryMetrics.builder().build();
                try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
                    bus.subscribe("orders.out", (Envelope<SubmitOrder> m) -> out.computeIfAbsent(
                            m.payload().getClientOrderId(), k -> new AtomicInteger()).incrementAndGet(), SubscribeOptions.inline());
                    try (KafkaTransportRunner kafka = KafkaTransportRunner.start(passThrough(), PluginCatalog.empty(), bus,
                            new KafkaTransportRunner.Options(bootstrap, app, false, Map.of()));
                         var registered = kafka.registerMetrics(metrics)) {
                        assertTrue(kafka.awaitRunning(Duration.ofSeconds(60)));
                        for (int i = 0; i < BEFORE; i++) {
                            bus.publish("orders.new.acct-1", "acct-1", RiskTopology.order("acct-1", "before-" + i, 10), Priority.NORMAL);
                        }
                        await(() -> out.size() >= BEFORE, () -> "(out " + out.size() + ")");
                        assertTrue(healthy(metrics), "healthy while Kafka takes records");

                        proxy.cut();
                        long t0 = System.nanoTime();
                        for (int i = 0; i < DURING; i++) {
                            bus.publish("orders.new.acct-1", "acct-1", RiskTopology.order("acct-1", "during-" + i, 10), Priority.NORMAL);
                            Thread.sleep(100);
                        }
                        long publishing = (System.nanoTime() - t0) / 1_000_000L;
                        System.out.println("KafkaOutageIT: " + DURING + " publishes with 100 ms pauses during the cut took "
                                + publishing + " ms");
                        // 30 publishes and 3 s of sleeps: a publish waiting out Kafka's max.block.ms alone takes 60 s
                        assertTrue(publishing < 30_000, "the bus was held up: " + publishing + " ms for " + DURING + " publishes");
                        await(() -> kafka.waitingForKafka() > 0, () -> "(waiting " + kafka.waitingForKafka() + ")");
                        assertFalse(healthy(metrics), "not healthy while bus messages wait for Kafka");
                        assertEquals(DURING, kafka.bridged() - BEFORE, "the bridge took every message off the bus");

                        proxy.restore();
                        await(() -> out.size() >= BEFORE + DURING && kafka.waitingForKafka() == 0,
                                () -> "(out " + out.size() + ", waiting " + kafka.waitingForKafka() + ", dropped "
                                        + kafka.droppedForKafka() + ")");
                        await(() -> healthy(metrics), () -> "(healthy again)");
                        assertEquals(0, kafka.droppedForKafka());
                        assertEquals(0, kafka.notDelivered());
                        assertEquals(BEFORE + DURING, kafka.bridgedAndAcknowledged(), "every bridged message acknowledged");
                    }
                }
                for (int i = 0; i < DURING; i++) {
                    AtomicInteger n = out.get("during-" + i);
                    assertTrue(n != null && n.get() == 1, "during-" + i + " came out once: " + n);
                }
                assertEquals(BEFORE + DURING, out.size());
            }
        });
    }

    private static boolean healthy(TributaryMetrics metrics) {
        return metrics.healthChecks().runHealthCheck("transport.kafka").isHealthy();
    }
}
