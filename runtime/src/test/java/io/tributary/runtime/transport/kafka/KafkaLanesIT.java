package io.tributary.runtime.transport.kafka;

import io.tributary.api.DeadLetter;
import io.tributary.api.Envelope;
import io.tributary.api.Priority;
import io.tributary.api.SubscribeOptions;
import io.tributary.runtime.bus.LocalMessageBus;
import io.tributary.schemas.QuoteTick;
import io.tributary.schemas.serde.TributarySerde;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class KafkaLanesIT {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @Test
    void deliversEachLaneOnItsLaneDeadLettersBadBytesAndDropsRedeliveries() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            KafkaLanes lanes = new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), "lanes-a"));
            lanes.createTopics(List.of("orders.new"), 1);
            ConcurrentLinkedQueue<Envelope<QuoteTick>> got = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Envelope<DeadLetter>> dead = new ConcurrentLinkedQueue<>();
            try (LocalMessageBus bus = LocalMessageBus.withDefaults();
                 KafkaLanePublisher publisher = lanes.publisher();
                 KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                         KAFKA.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                bus.subscribe("orders.new", (Envelope<QuoteTick> m) -> got.add(m.copy()), SubscribeOptions.inline());
                bus.subscribe(bus.deadLetterTopic(), (Envelope<DeadLetter> m) -> dead.add(m.copy()), SubscribeOptions.inline());
                try (PriorityLaneConsumer consumer = lanes.consumer(bus, List.of("orders.new")).start()) {
                    for (Priority p : Priority.values()) {
                        publisher.publish("orders.new", "k-" + p, Quotes.quote(p.name(), p.ordinal(), 0), p).get();
                    }
                    publisher.publishBytes(lanes.topics().topic("orders.new", Priority.NORMAL), "bad",
                            "{\"json\":true}".getBytes(StandardCharsets.UTF_8), null).get();
                    // the same message id twice, as a producer retry or a replay would deliver it
                    byte[] again = TributarySerde.get().encode(Quotes.quote("AGAIN", 9, 0));
                    for (int i = 0; i < 2; i++) {
                        RecordHeaders h = new RecordHeaders();
                        h.add(KafkaHeaders.MESSAGE_ID, KafkaHeaders.longBytes(424242L));
                        raw.send(new ProducerRecord<>(lanes.topics().topic("orders.new", Priority.HIGH), null,
                                "again", again, h)).get();
                    }
                    publisher.publish("orders.new", "last", Quotes.quote("LAST", 99, 0), Priority.LOW).get();

                    await(() -> got.size() >= 6 && consumer.deadLettered() == 1 && consumer.duplicates() == 1);
                    assertEquals(6, consumer.delivered());
                }
                List<String> seen = new ArrayList<>();
                for (Envelope<QuoteTick> m : got) {
                    String symbol = m.payload().getInstrument().getSymbol();
                    seen.add(symbol);
                    if (!symbol.equals("AGAIN") && !symbol.equals("LAST")) {
                        assertEquals(Priority.valueOf(symbol), m.priority(), "lane of " + symbol);
                        assertEquals("k-" + symbol, m.key());
                    }
                }
                assertEquals(1, seen.stream().filter("AGAIN"::equals).count(), "redelivered id dropped: " + seen);
                assertTrue(seen.contains("LAST"), "the consumer went on after the bad record: " + seen);
                await(() -> dead.size() == 1);
                assertInstanceOf(DeadLetter.class, dead.peek().payload());
                assertEquals("BAD_MAGIC", dead.peek().headers().get("tributary.decode.reason"));
            }
            ConsumerRecord<String, byte[]> letter = readOne(lanes.topics().deadLetter());
            assertEquals("BAD_MAGIC", KafkaHeaders.readString(letter.headers(), KafkaHeaders.DLQ_REASON));
            assertEquals("lanes-a.orders.new.normal/0@1", KafkaHeaders.readString(letter.headers(), KafkaHeaders.DLQ_SOURCE));
            assertEquals("{\"json\":true}", new String(letter.value(), StandardCharsets.UTF_8));
            assertTrue(KafkaHeaders.readString(letter.headers(), KafkaHeaders.DLQ_ERROR).length() > 0);
        });
    }

    /** A lane that cannot hand its records over stops and says why, so a run can stop on it. */
    @Test
    void aLaneWhoseBusRefusesItsRecordsReportsWhy() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            KafkaLanes lanes = new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), "lanes-refused"));
            lanes.createTopics(List.of("quotes"), 1);
            LocalMessageBus bus = LocalMessageBus.withDefaults();
            try (KafkaLanePublisher publisher = lanes.publisher();
                 PriorityLaneConsumer consumer = lanes.consumer(bus, List.of("quotes")).start()) {
                assertTrue(consumer.awaitAssignment(Duration.ofSeconds(30)));
                bus.close();
                assertNull(consumer.failure(), "nothing failed before a record came");
                publisher.publish("quotes", "k", Quotes.quote("LATE", 1, 0), Priority.HIGH).get();
                await(() -> consumer.failure() != null);
                assertInstanceOf(IllegalStateException.class, consumer.failure());
                assertEquals("bus is closed; cannot publish to quotes", consumer.failure().getMessage());
            }
        });
    }

    /**
     * The acceptance line: CRITICAL p99 under a LOW flood stays within 2x of its unloaded p99.
     *
     * <p>Two lane consumers (two apps) run side by side on one broker: {@code flooded}, whose LOW lane
     * has a backlog the whole time (its handler does 10 us of work per record, inline on the LOW
     * consumer's thread), and {@code idle}, whose LOW lane is empty. CRITICAL records go to both,
     * alternately, 1 500 each, and each consumer's CRITICAL latency is recorded. Measured in the same
     * instants, both see the same load from the other builds on this shared 2-core machine, so the
     * ratio shows what the LOW backlog costs CRITICAL inside the consumer (measured one after the other,
     * in rounds, the machine's own swings moved either p99 by 5-10x between rounds). A consumer
     * that let CRITICAL records queue behind LOW ones (one {@code KafkaConsumer} for all lanes:
     * 3.9x) fails it.
     */
    @Test
    void criticalP99UnderALowFloodStaysWithinTwiceItsUnloadedP99() {
        assertTimeoutPreemptively(Duration.ofSeconds(150), () -> {
            int criticals = 1_500;
            Flow flooded = new Flow("lanes-flooded");
            Flow idle = new Flow("lanes-idle");
            String floodTopic = flooded.lanes.topics().topic("flow", Priority.LOW);
            AtomicLong floodSent = flooded.lowSent;
            long backlogAtCriticals;
            try (flooded; idle; KafkaProducer<String, byte[]> flood = floodProducer()) {
                flooded.start();
                idle.start();
                warmUp(flooded, idle);
                fill(flood, floodTopic, 40_000, 1_000_000_000L);
                floodSent.set(40_000);
                await(() -> flooded.low.get() >= 1_000);   // the flood is being worked on
                flooded.recording = true;
                idle.recording = true;
                for (int i = 0; i < criticals; i++) {
                    flooded.sendCritical(i);
                    idle.sendCritical(i);
                    LockSupport.parkNanos(1_000_000);   // pacing, 1 000 msg/s each: not synchronisation
                    if (floodSent.get() - flooded.low.get() < 20_000) {   // keep LOW backlogged
                        fill(flood, floodTopic, 20_000, 1_000_000_000L + floodSent.get());
                        floodSent.addAndGet(20_000);
                    }
                }
                await(() -> flooded.latency.getTotalCount() == criticals && idle.latency.getTotalCount() == criticals);
                backlogAtCriticals = floodSent.get() - flooded.low.get();
            }
            long loadedP99 = flooded.latency.getValueAtPercentile(99);
            long unloadedP99 = idle.latency.getValueAtPercentile(99);
            double ratio = (double) loadedP99 / unloadedP99;
            System.out.printf("KafkaLanesIT: CRITICAL end-to-end latency, %d samples each: unloaded p50 %.2f ms p99 %.2f ms;"
                            + " under a LOW flood p50 %.2f ms p99 %.2f ms; p99 ratio %.2f; LOW delivered %d,"
                            + " still waiting at the end %d%n", criticals,
                    idle.latency.getValueAtPercentile(50) / 1e6, unloadedP99 / 1e6,
                    flooded.latency.getValueAtPercentile(50) / 1e6, loadedP99 / 1e6, ratio,
                    flooded.low.get(), backlogAtCriticals);
            assertTrue(flooded.criticalsDuringBacklog.get() == criticals,
                    "every CRITICAL arrived while LOW had a backlog: " + flooded.criticalsDuringBacklog.get());
            assertEquals(0, idle.low.get(), "the unloaded consumer's LOW lane stayed empty");
            assertTrue(ratio <= 2.0, String.format("CRITICAL p99 under the LOW flood %.2f ms is more than 2x its"
                    + " unloaded p99 %.2f ms", loadedP99 / 1e6, unloadedP99 / 1e6));
        });
    }

    /** One app's lanes of stream {@code flow}, its bus, lane consumer and publisher, and what arrived. */
    private static final class Flow implements AutoCloseable {
        final KafkaLanes lanes;
        final LocalMessageBus bus = LocalMessageBus.withDefaults();
        final KafkaLanePublisher publisher;
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final AtomicLong critical = new AtomicLong();
        final AtomicLong low = new AtomicLong();
        final AtomicLong criticalsDuringBacklog = new AtomicLong();
        /** LOW records on the broker (flushed) for this flow; minus {@link #low}: the backlog still unhandled. */
        final AtomicLong lowSent = new AtomicLong();
        volatile boolean recording;
        PriorityLaneConsumer consumer;

        Flow(String app) {
            lanes = new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), app));
            lanes.createTopics(List.of("flow"), 1);
            publisher = lanes.publisher();
            bus.subscribe("flow", (Envelope<QuoteTick> m) -> {
                if (m.priority() == Priority.CRITICAL) {
                    if (recording) {
                        latency.recordValue(Math.max(0, EpochNanos.now() - m.payload().getTsInit()));
                        if (lowSent.get() - low.get() > 0) {
                            criticalsDuringBacklog.incrementAndGet();
                        }
                    }
                    critical.incrementAndGet();
                } else {
                    long end = System.nanoTime() + 10_000;   // the LOW consumer's own work
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    low.incrementAndGet();
                }
            }, SubscribeOptions.inline());
        }

        void start() throws InterruptedException {
            consumer = lanes.consumer(bus, List.of("flow")).start();
            assertTrue(consumer.awaitAssignment(Duration.ofSeconds(30)), "partitions assigned");
        }

        void sendCritical(int i) {
            publisher.publish("flow", "c" + (i % 8), Quotes.quote("CRIT", i, EpochNanos.now()), Priority.CRITICAL);
        }

        @Override
        public void close() {
            if (consumer != null) {
                consumer.close();
            }
            publisher.close();
            bus.close();
        }
    }

    /**
     * Positions fetched and the hot paths compiled before anything is recorded. Two seconds at the
     * measured rate: on two cores the JIT is still compiling client and broker code for many seconds
     * (CRITICAL's p50 fell from 2.6 ms to 0.6 ms over the first 15 s of 1 000 msg/s in a probe), and
     * the 200 records this used to send left both flows measuring the compiler's CPU use.
     */
    private static void warmUp(Flow... flows) {
        int records = 2_000;
        for (int i = 0; i < records; i++) {
            for (Flow f : flows) {
                f.sendCritical(i);
            }
            LockSupport.parkNanos(1_000_000);
        }
        await(() -> java.util.Arrays.stream(flows).allMatch(f -> f.critical.get() >= records));
    }

    private static KafkaProducer<String, byte[]> floodProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "linger.ms", 5,
                "batch.size", 256 * 1024), new StringSerializer(), new ByteArraySerializer());
    }

    private static void fill(KafkaProducer<String, byte[]> producer, String topic, int count, long firstId) {
        byte[] value = TributarySerde.get().encode(Quotes.quote("LOWLOW", 1, 0));
        for (int i = 0; i < count; i++) {
            RecordHeaders h = new RecordHeaders();
            h.add(KafkaHeaders.MESSAGE_ID, KafkaHeaders.longBytes(firstId + i));
            producer.send(new ProducerRecord<>(topic, null, "low", value, h));
        }
        producer.flush();
    }

    /** Both lanes start with a backlog: CRITICAL drains first, LOW is paused but still gets its share. */
    @Test
    void underABacklogCriticalDrainsFirstWhileLowIsPausedButNotStarved() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            int backlog = 20_000;
            KafkaLanes lanes = new KafkaLanes(KafkaLaneSettings.defaults(KAFKA.bootstrapServers(), "lanes-both"));
            lanes.createTopics(List.of("flow"), 1);
            fillLane(lanes.topics().topic("flow", Priority.CRITICAL), backlog, 2_000_000_000L);
            fillLane(lanes.topics().topic("flow", Priority.LOW), backlog, 3_000_000_000L);
            AtomicLong low = new AtomicLong();
            AtomicLong critical = new AtomicLong();
            AtomicLong lowWhenCriticalDrained = new AtomicLong(-1);
            try (LocalMessageBus bus = LocalMessageBus.withDefaults()) {
                bus.subscribe("flow", (Envelope<QuoteTick> m) -> {
                    long end = System.nanoTime() + 10_000;   // the same work per record on both lanes
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    if (m.priority() == Priority.CRITICAL) {
                        if (critical.incrementAndGet() == backlog) {
                            lowWhenCriticalDrained.set(low.get());
                        }
                    } else {
                        low.incrementAndGet();
                    }
                }, SubscribeOptions.inline());
                try (PriorityLaneConsumer consumer = lanes.consumer(bus, List.of("flow")).start()) {
                    await(() -> critical.get() == backlog && low.get() == backlog);
                    System.out.printf("KafkaLanesIT: both lanes with %d records: LOW had %d delivered when CRITICAL "
                            + "drained; LOW paused %d times%n", backlog, lowWhenCriticalDrained.get(),
                            consumer.pauses(Priority.LOW));
                    assertTrue(consumer.pauses(Priority.LOW) > 0, "LOW was held back while CRITICAL had lag");
                    assertTrue(lowWhenCriticalDrained.get() < backlog / 2,
                            "CRITICAL drained first: LOW had " + lowWhenCriticalDrained.get() + " of " + backlog);
                    assertTrue(lowWhenCriticalDrained.get() > 0, "LOW got its bounded share meanwhile");
                    assertEquals(0, consumer.pauses(Priority.CRITICAL));
                }
            }
        });
    }

    private static void fillLane(String topic, int count, long firstId) throws Exception {
        byte[] value = TributarySerde.get().encode(Quotes.quote("LOWLOW", 1, 0));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KAFKA.bootstrapServers(), "linger.ms", 5, "batch.size", 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                RecordHeaders h = new RecordHeaders();
                h.add(KafkaHeaders.MESSAGE_ID, KafkaHeaders.longBytes(firstId + i));
                producer.send(new ProducerRecord<>(topic, null, "low", value, h));
            }
            producer.flush();
        }
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

    static void await(BooleanSupplier condition) {
        await(condition, () -> "");
    }

    /** @param state what the failure message adds: where things stood when the time was up */
    static void await(BooleanSupplier condition, java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within 45 s " + state.get());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
