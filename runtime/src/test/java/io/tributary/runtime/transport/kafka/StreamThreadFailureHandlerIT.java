package io.tributary.runtime.transport.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.tributary.runtime.transport.kafka.KafkaLanesIT.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler against a real Kafka Streams: a source topic missing at a rebalance is what Kafka Streams
 * hands the handler (so the handler recognises it in the form it really comes), a replaced thread
 * runs once the topic is there, and a topic that never comes stops the application with the handler's
 * message. Missing at the start stands in for the race after an outage, which is not reproducible on
 * demand: the exception and the thread's death are the same.
 */
class StreamThreadFailureHandlerIT {

    private static KafkaStreams copyInToOut(String bootstrap, String app) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("in", Consumed.with(Serdes.String(), Serdes.String())).to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10);
        // a dead thread's consumer does not leave the group (Kafka Streams closes it so): the replacement's
        // rebalance waits for its session to expire, 45 s by default, 6 s (the broker's least) here
        p.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6_000);
        p.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1_000);
        p.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/tributary-it-" + app + "-" + System.nanoTime());
        return new KafkaStreams(b.build(), p);
    }

    @Test
    void aThreadThatDidNotSeeItsSourceTopicIsReplacedAndRunsOnceTheTopicIsThere() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
                 Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                KafkaTopics.create(admin, 1, List.of("out"));
                // unbounded here: how fast replacements follow each other is Kafka's, the budget is unit-tested
                StreamThreadFailureHandler handler = new StreamThreadFailureHandler("copy", Integer.MAX_VALUE);
                try (KafkaStreams streams = copyInToOut(broker.bootstrapServers(), "replaced-thread")) {
                    streams.setUncaughtExceptionHandler(handler);
                    streams.setStateListener((now, before) -> {   // as RunningKafkaPlan wires it
                        if (now == KafkaStreams.State.RUNNING) {
                            handler.running();
                        }
                    });
                    streams.start();
                    await(() -> handler.replacements() >= 1, () -> "(no replacement; state " + streams.state()
                            + ", failure " + handler.failure() + ")");

                    KafkaTopics.create(admin, 1, List.of("in"));
                    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                            Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                        producer.send(new ProducerRecord<>("in", "k", "after the replacement")).get();
                    }
                    List<String> out = new ArrayList<>();
                    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                            broker.bootstrapServers(), "group.id", "reader", "auto.offset.reset", "earliest"),
                            new StringDeserializer(), new StringDeserializer())) {
                        consumer.subscribe(List.of("out"));
                        await(() -> {
                            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                                out.add(r.value());
                            }
                            return !out.isEmpty();
                        }, () -> "(nothing out; state " + streams.state() + ", replacements " + handler.replacements()
                                + ", failure " + handler.failure() + ")");
                    }
                    assertEquals(List.of("after the replacement"), out);
                    assertEquals(KafkaStreams.State.RUNNING, streams.state());
                    assertNull(handler.failure());
                    assertTrue(handler.replacements() >= 1);
                    assertEquals(0, handler.replacedInARow(), "RUNNING again starts the count afresh");
                }
            }
        });
    }

    @Test
    void aSourceTopicThatNeverComesStopsTheApplicationOnceTheBudgetIsSpent() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
                 Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                KafkaTopics.create(admin, 1, List.of("out"));
                // a budget of 1 (the default's counting is unit-tested): each replacement costs a session timeout
                StreamThreadFailureHandler handler = new StreamThreadFailureHandler("copy", 1);
                try (KafkaStreams streams = copyInToOut(broker.bootstrapServers(), "never-there")) {
                    streams.setUncaughtExceptionHandler(handler);
                    streams.start();
                    await(() -> handler.failure() != null, () -> "(replacements " + handler.replacements() + ", state "
                            + streams.state() + ")");
                    assertEquals(1, handler.replacements());
                    assertTrue(handler.failure() instanceof MissingSourceTopicException, String.valueOf(handler.failure()));
                    assertTrue(handler.failure().getMessage().contains("did not see its source topics at 2 rebalances in a row: do they exist?"),
                            handler.failure().getMessage());
                    await(() -> !streams.state().isRunningOrRebalancing(), () -> "(state " + streams.state() + ")");
                }
            }
        });
    }
}
