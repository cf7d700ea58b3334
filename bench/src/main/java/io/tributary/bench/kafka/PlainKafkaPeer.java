package io.tributary.bench.kafka;

import io.tributary.runtime.transport.kafka.KafkaHeaders;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A peer without Tributary: plain kafka-clients, producer → one topic → consumer, the value made and
 * read by a {@link ValueCodec} ({@link ValueCodecs}: raw bytes, or the quote through Avro's generated
 * coder), optionally with Tributary's message-id header written and read (what Kafka's clients and
 * broker spend on one 8-byte header, without Tributary's dedup). No bus. The client configurations are
 * given whole: the suite passes the ones Tributary's lanes use.
 */
final class PlainKafkaPeer implements KafkaPeer {
    private final String topic;
    private final ValueCodec codec;
    private final boolean idHeader;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private long nextId;   // sender thread only
    private volatile long received;
    private volatile boolean running = true;
    @SuppressWarnings("unused")
    private volatile long idChecksum;

    PlainKafkaPeer(String topic, ValueCodec codec, boolean idHeader, Map<String, Object> producerConfig,
                   Map<String, Object> consumerConfig, Sink sink) {
        this.topic = topic;
        this.codec = codec;
        this.idHeader = idHeader;
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(() -> consume(sink), "plain-consumer-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void consume(Sink sink) {
        long ids = 0;   // the ids read, as a consumer that checks them would; published so the reads are not dead code
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
                    if (idHeader) {
                        ids ^= KafkaHeaders.readLong(r.headers(), KafkaHeaders.MESSAGE_ID, 0);
                    }
                    sink.received(codec.sendNanos(r.value()));
                    received = ++n;
                }
            }
        } catch (WakeupException stopping) {
            // close()
        } finally {
            idChecksum = ids;
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void awaitReady() throws InterruptedException {
        ready.await();
    }

    /** Single sender thread (the codec may reuse its scratch objects). */
    @Override
    public void send(long sendNanos) {
        byte[] value = codec.value(sendNanos);
        if (idHeader) {   // as KafkaLanePublisher builds it
            RecordHeaders headers = new RecordHeaders(new Header[] {
                    new RecordHeader(KafkaHeaders.MESSAGE_ID, KafkaHeaders.longBytes(nextId++))});
            producer.send(new ProducerRecord<>(topic, null, (byte[]) null, value, headers));
        } else {
            producer.send(new ProducerRecord<>(topic, value));
        }
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

    /** How a plain peer makes a record's value from a send time and reads the send time back. */
    interface ValueCodec {
        /** A new array per record, as a serializer returns. Called on the one sending thread. */
        byte[] value(long sendNanos);

        /** Called on the consuming thread. */
        long sendNanos(byte[] value);
    }
}
