package io.tributary.bench.kafka;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The peer: plain kafka-clients, producer → one topic → consumer, payload bytes of the same size as
 * Tributary's record with the send time in the first 8 bytes. No encoding, no decoding, no bus. The
 * client configurations are given whole: the suite passes the ones Tributary's lanes use.
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

    RawKafkaPeer(String topic, int payloadSize, Map<String, Object> producerConfig, Map<String, Object> consumerConfig,
                 Sink sink) {
        this.topic = topic;
        this.payload = new byte[payloadSize];
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(() -> consume(sink), "raw-consumer-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void consume(Sink sink) {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> p) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> p) {
                    ready.countDown();
                }
            });
            long n = 0;
            while (running) {
                // blocks until records arrive, like a lane that fetches
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
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
        byte[] value = payload.clone();   // a new array per record, as a serializer returns
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
