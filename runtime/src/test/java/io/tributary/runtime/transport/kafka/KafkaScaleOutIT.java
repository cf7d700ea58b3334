package io.tributary.runtime.transport.kafka;

import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.dsl.Named;
import io.tributary.api.dsl.Topology;
import io.tributary.api.dsl.TopologyBuilder;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.runtime.compile.PluginCatalog;
import io.tributary.schemas.SubmitOrder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static io.tributary.runtime.transport.kafka.KafkaLanesIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of one app share the input partitions; one crashes mid-stream (a stream thread dies
 * without committing, like a killed process) and the other takes over its partitions.
 */
class KafkaScaleOutIT {
    private static final int COUNT = 6_000;
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    /** At-least-once: the survivor reprocesses the victim's uncommitted records; ids make them duplicates. */
    @Test
    void atLeastOnceWithDedupByMessageIdDeliversEveryInputOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            Result r = run("scale-alo", false);
            System.out.printf("KafkaScaleOutIT at-least-once: %d inputs, %d output records, %d distinct ids, "
                    + "%d delivered after dedup (%d duplicates dropped)%n", COUNT, r.outputRecords, r.distinctIds,
                    r.delivered, r.duplicates);
            assertTrue(r.outputRecords >= COUNT, "at least once: " + r.outputRecords);
            assertEquals(COUNT, r.distinctIds, "one id per input, also when reprocessed");
            assertEquals(COUNT, r.distinctOrders);
            assertEquals(COUNT, r.delivered, "the lane consumer drops the redelivered ids");
        });
    }

    /** exactly_once_v2: the victim's open transaction is aborted; read_committed sees each output once. */
    @Test
    void exactlyOnceWritesEveryInputOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            Result r = run("scale-eos", true);
            System.out.printf("KafkaScaleOutIT exactly-once: %d inputs, %d committed output records, %d distinct ids%n",
                    COUNT, r.outputRecords, r.distinctIds);
            assertEquals(COUNT, r.outputRecords, "exactly once");
            assertEquals(COUNT, r.distinctOrders);
            assertEquals(0, r.duplicates);
        });
    }

    private record Result(long outputRecords, long distinctIds, long distinctOrders, long delivered, long duplicates) {
    }

    private static Result run(String app, boolean exactlyOnce) throws Exception {
        AtomicLong processedByVictim = new AtomicLong();
        AtomicBoolean killed = new AtomicBoolean();
        String victim = app + "-victim";
        TopologyBuilder t = new TopologyBuilder(app);
        t.<SubmitOrder>stream("orders.in", Named.as("in"))
                .peek(o -> {
                    if (Thread.currentThread().getName().startsWith(victim)
                            && processedByVictim.incrementAndGet() == COUNT / 6 && killed.compareAndSet(false, true)) {
                        throw new IllegalStateException("simulated crash of " + victim);
                    }
                }, Named.as("crash-point"))
                .keyBy(SubmitOrder::getClientOrderId, Named.as("by-order"))
                .to("orders.out", Named.as("out"));
        Topology topology = t.build();
        KafkaStreamsSettings base = KafkaStreamsSettings.defaults(KAFKA.bootstrapServers(), app)
                .withExactlyOnce(exactlyOnce)
                // a long commit interval leaves many processed-but-uncommitted records at the crash
                .withKafkaProperties(Map.of("commit.interval.ms", exactlyOnce ? 200 : 1_000,
                        // a crashed Streams client does not leave the group: the survivor takes over its
                        // partitions after the session timeout (45 s by default; 6 s is the broker's minimum)
                        "session.timeout.ms", 6_000, "heartbeat.interval.ms", 1_000));
        KafkaTopologyTarget target = new KafkaTopologyTarget(base, PluginCatalog.empty());
        KafkaPlan plan = target.plan(topology);
        KafkaLanes lanes = new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), app)
                .withKafkaProperties(Map.of("isolation.level", "read_committed")));
        lanes.createTopics(List.of("orders.in"), 4);
        plan.createOutputTopics(4);

        // the crash point's exception stands for a killed process: the victim stops on it (a plan's own
        // handler would skip the record and go on, as for a function failing on one record)
        KafkaPlan victimPlan = new KafkaTopologyTarget(base.withKafkaProperties(Map.of("client.id", victim,
                "processing.exception.handler", LogAndFailProcessingExceptionHandler.class.getName())),
                PluginCatalog.empty()).plan(topology);
        KafkaPlan survivorPlan = new KafkaTopologyTarget(base.withKafkaProperties(Map.of("client.id", app + "-survivor")),
                PluginCatalog.empty()).plan(topology);
        AtomicLong delivered = new AtomicLong();
        long duplicates;
        try (LocalMessageBus bus = LocalMessageBus.withDefaults();
             RunningKafkaPlan a = victimPlan.start();
             RunningKafkaPlan b = survivorPlan.start();
             KafkaLanePublisher publisher = lanes.publisher();
             PriorityLaneConsumer out = lanes.consumer(bus, List.of("orders.out"))) {
            bus.subscribe("orders.out", (Envelope<SubmitOrder> m) -> delivered.incrementAndGet(), SubscribeOptions.inline());
            out.start();
            assertTrue(a.awaitRunning(Duration.ofSeconds(60)) && b.awaitRunning(Duration.ofSeconds(60)), "both running");
            for (int i = 0; i < COUNT; i++) {
                publisher.publish("orders.in", "k" + i, RiskTopology.order("acct", "o-" + i, 1), Priority.NORMAL);
                if (i % 500 == 499) {
                    LockSupport.parkNanos(20_000_000);   // a stream over a few hundred ms, not one burst
                }
            }
            publisher.flush();
            await(() -> delivered.get() >= COUNT);
            assertTrue(killed.get(), "the victim crashed mid-stream");
            assertNotNull(a.failure(), "the victim stopped on its crash");
            duplicates = out.duplicates();
        }
        Set<Long> ids = new HashSet<>();
        Set<String> orders = new HashSet<>();
        long records = 0;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", KAFKA.bootstrapServers(),
                "group.id", app + "-check", "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(lanes.topics().topic("orders.out", Priority.NORMAL)));
            long idleSince = System.nanoTime();
            while (System.nanoTime() - idleSince < 2_000_000_000L || orders.size() < COUNT) {
                var batch = c.poll(Duration.ofMillis(100));
                if (!batch.isEmpty()) {
                    idleSince = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> r : batch) {
                    records++;
                    ids.add(KafkaHeaders.readLong(r.headers(), KafkaHeaders.MESSAGE_ID, -1));
                    orders.add(r.key());
                }
            }
        }
        return new Result(records, ids.size(), orders.size(), delivered.get(), duplicates);
    }
}
