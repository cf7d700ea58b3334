package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes records of a stream to its lane topic ({@link LaneTopics#topic}) as Avro single-object
 * bytes, with a message id in a header ({@link KafkaHeaders}). Ids start at a
 * random 64-bit offset per publisher, so ids of different publishers do not collide in practice.
 * Thread-safe (Kafka's producer is).
 */
public final class KafkaLanePublisher implements AutoCloseable {
    /** How long {@link #close()} waits for acknowledgements. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private final TributarySerde serde;
    private final KafkaProducer<String, byte[]> producer;
    private final LaneTopicProvisioner lanes;
    /** Immutable once made (a key and a value, both given): one instance serves every record. */
    private static final Header FROM_BUS = new RecordHeader(KafkaHeaders.FROM_BUS, new byte[] {1});

    private final AtomicLong nextId = new AtomicLong(new SecureRandom().nextLong());

    KafkaLanePublisher(KafkaLaneSettings settings, LaneTopicProvisioner lanes, TributarySerde serde) {
        this.lanes = lanes;
        this.serde = serde;
        this.producer = new KafkaProducer<>(settings.producerConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends {@code record} on {@code stream}'s {@code lane} topic; returns the send's future. The first
     * message of a stream not made by {@link KafkaLanes#createTopics} waits until its four lane topics
     * exist and their leaders serve them ({@link LaneTopicProvisioner}), creating missing ones with
     * the broker's default partition count.
     */
    public Future<RecordMetadata> publish(String stream, String key, SpecificRecord record, Priority lane) {
        return publishBytes(lanes.topic(stream, lane), key, serde.encode(record), null);
    }

    /** {@code stream}'s {@code lane} topic, made on the stream's first use as {@link #publish} makes it. */
    String laneTopic(String stream, Priority lane) {
        return lanes.topic(stream, lane);
    }

    /** As {@link #laneTopic}, but null instead of making the topics of a stream not used before. */
    String knownLaneTopic(String stream, Priority lane) {
        return lanes.knownTopic(stream, lane);
    }

    byte[] encode(SpecificRecord record) {
        return serde.encode(record);
    }

    /** The next message id of this publisher. */
    long nextId() {
        return nextId.getAndIncrement();
    }

    /**
     * Sends a message an in-process bus delivered already, with the id it was given (a retry keeps
     * it), marked {@link KafkaHeaders#FROM_BUS} so that a run's read-back does not deliver it again.
     */
    void sendFromBus(String kafkaTopic, String key, byte[] value, long id, Callback callback) {
        producer.send(new ProducerRecord<>(kafkaTopic, null, key, value, new RecordHeaders(new Header[] {
                new RecordHeader(KafkaHeaders.MESSAGE_ID, KafkaHeaders.longBytes(id)), FROM_BUS})), callback);
    }

    /** Sends already-encoded bytes (tests and tools use it to send bad bytes too). */
    public Future<RecordMetadata> publishBytes(String kafkaTopic, String key, byte[] value, Callback callback) {
        // sized for its one header (an empty RecordHeaders grows a 10-slot list on the first add)
        RecordHeaders headers = new RecordHeaders(new Header[] {
                new RecordHeader(KafkaHeaders.MESSAGE_ID, KafkaHeaders.longBytes(nextId.getAndIncrement()))});
        return producer.send(new ProducerRecord<>(kafkaTopic, null, key, value, headers), callback);
    }

    public void flush() {
        producer.flush();
    }

    /**
     * Waits up to {@link #CLOSE_WAIT} for what was sent to be acknowledged; Kafka's own {@code close()}
     * waits without a bound, so a run stopped while Kafka was away hung until each record's
     * {@code delivery.timeout.ms} (2 min by default) had passed.
     */
    @Override
    public void close() {
        close(CLOSE_WAIT);
    }

    /** Waits up to {@code wait} for acknowledgements; records still unacknowledged then fail to their callbacks. */
    public void close(Duration wait) {
        producer.close(wait);
    }
}
