package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes records of a stream to its lane topic ({@link LaneTopics#topic}) as Avro single-object
 * bytes, with a message id in a header ({@link KafkaHeaders}). Ids start at a
 * random 64-bit offset per publisher, so ids of different publishers do not collide in practice.
 * Thread-safe (Kafka's producer is).
 */
public final class KafkaLanePublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaLanePublisher.class);
    private final LaneTopics topics;
    private final TributarySerde serde;
    private final KafkaProducer<String, byte[]> producer;
    /** stream -> its lane topics: topic names are built and checked once, not per message. */
    private final ConcurrentHashMap<String, String[]> laneTopics = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(new SecureRandom().nextLong());
    private final Map<String, Object> adminConfig;
    /** Shared with the {@link KafkaLanes} that made this publisher: streams whose topics need no check. */
    private final Set<String> readyStreams;
    /** Made on the first new stream; guarded by this publisher's monitor. */
    private Admin admin;

    KafkaLanePublisher(KafkaLaneSettings settings, LaneTopics topics, TributarySerde serde, Set<String> readyStreams) {
        this.topics = topics;
        this.serde = serde;
        this.adminConfig = settings.adminConfig();
        this.readyStreams = readyStreams;
        this.producer = new KafkaProducer<>(settings.producerConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends {@code record} on {@code stream}'s {@code lane} topic; returns the send's future. The first
     * message of a stream not made by {@link KafkaLanes#createTopics} waits until its four lane topics
     * exist and their leaders serve them (see {@link KafkaTopics#create}), creating missing ones with
     * the broker's default partition count.
     */
    public Future<RecordMetadata> publish(String stream, String key, SpecificRecord record, Priority lane) {
        String[] byLane = laneTopics.get(stream);
        if (byLane == null) {
            byLane = firstUse(stream);
        }
        return publishBytes(byLane[lane.ordinal()], key, serde.encode(record), null);
    }

    /**
     * Without this, a broker would create a lane topic on its first record, and records sent to it in
     * the next moments can be lost (KAFKA-15591). A refused creation (no CREATE permission: the topics
     * are provisioned by operators) is logged and the records go out as before.
     */
    private synchronized String[] firstUse(String stream) {
        String[] known = laneTopics.get(stream);
        if (known != null) {
            return known;
        }
        List<String> lanes = topics.lanes(stream);
        if (!readyStreams.contains(stream)) {
            try {
                if (admin == null) {
                    admin = Admin.create(adminConfig);
                }
                KafkaTopics.create(admin, Optional.empty(), lanes);
                readyStreams.add(stream);
            } catch (RuntimeException e) {
                LOG.warn("lane topics of stream '{}' could not be created or checked ({}); sending to them anyway"
                        + " (docs/kafka.md, Topics)", stream, e.getMessage());
            }
        }
        String[] byLane = lanes.toArray(String[]::new);
        laneTopics.put(stream, byLane);
        return byLane;
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

    @Override
    public void close() {
        producer.close();
        synchronized (this) {
            if (admin != null) {
                admin.close();
            }
        }
    }
}
