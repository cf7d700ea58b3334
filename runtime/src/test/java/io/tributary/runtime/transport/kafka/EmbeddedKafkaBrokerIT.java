package io.tributary.runtime.transport.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaBrokerIT {

    @Test
    void producesAndConsumesOneRecordThenClosesOnce() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                broker.createTopics(2, "it.one");
                broker.createTopics(2, "it.one");   // idempotent: an existing topic is not an error
                try (var admin = broker.admin()) {
                    assertEquals(2, admin.describeTopics(Set.of("it.one")).allTopicNames().get()
                            .get("it.one").partitions().size());
                }
                try (var producer = new KafkaProducer<String, String>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                        new StringSerializer(), new StringSerializer())) {
                    producer.send(new ProducerRecord<>("it.one", "k", "hello")).get();
                }
                try (var consumer = new KafkaConsumer<String, String>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "it-one",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(), new StringDeserializer())) {
                    consumer.subscribe(List.of("it.one"));
                    List<ConsumerRecord<String, String>> got = new ArrayList<>();
                    while (got.isEmpty()) {
                        consumer.poll(Duration.ofMillis(100)).forEach(got::add);
                    }
                    assertEquals(1, got.size());
                    assertEquals("k", got.get(0).key());
                    assertEquals("hello", got.get(0).value());
                }
            });
        } finally {
            broker.close();
        }
        broker.close();   // a second close is a no-op, not the kit's exception
        var producerAfterClose = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "500"),
                new StringSerializer(), new StringSerializer());
        try (producerAfterClose) {
            var e = assertThrows(Exception.class,
                    () -> producerAfterClose.send(new ProducerRecord<>("it.one", "x")).get());
            assertTrue(e.getMessage() != null, "the broker is really gone");
        }
    }
}
