package io.tributary.bench.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The peer: plain kafka-clients, producer → one topic → consumer, payload bytes of the same size as
 * Tributary's record with the send time in the first 8 bytes. No encoding, no decoding, no bus.
 */
final class RawKafkaPeer implements KafkaPeer {
    private final String topic;
    private final byte[] payload;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile long received;
    private volatile boolean running = true;

    RawKafkaPeer(String bootstrap, String topic, int payloadSize, Map<String, Object> producerProps,
                 Map<String, Object> consumerProps, Sink sink) {
        this.topic = topic;
        this.payload = new byte[payloadSize];
        Map<String, Object> p = new HashMap<>(producerProps);
        p.put("bootstrap.servers", bootstrap);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        Map<String, Object> c = new HashMap<>(consumerProps);
        c.put("bootstrap.servers", bootstrap);
        c.put("group.id", topic + ".raw");
        c.put("auto.offset.reset", "earliest");
        c.put("enable.auto.commit", false);
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(() -> consume(sink), "raw-consumer-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void consume(Sink sink) {
        try {
            consumer.subscribe(List.of(topic), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<org.apache.kafka.common.TopicPartition> p) {
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<org.apache.kafka.common.TopicPartition> p) {
                    ready.countDown();
                }
            });
            long n = 0;
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(5))) {
                    sink.received(ByteBuffer.wrap(r.value()).getLong(0));
                    received = ++n;
                }
            }
        } catch (WakeupException stopping) {
            // close()
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void awaitReady() throws InterruptedException {
        ready.await();
    }

    @Override
    public void send(long sendNanos) {
        byte[] value = payload.clone();   // the producer keeps the array until sent
        ByteBuffer.wrap(value).putLong(0, sendNanos);
        producer.send(new ProducerRecord<>(topic, value));
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public long received() {
        return received;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        producer.close(Duration.ofSeconds(2));
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
