package io.tributary.runtime.transport;

import io.tributary.api.DeadLetter;
import io.tributary.api.Headers;
import io.tributary.api.Message;
import io.tributary.api.MessageBus;
import io.tributary.api.Priority;
import io.tributary.runtime.transport.avro.PayloadMapping;
import io.tributary.schemas.serde.MessageDecodingException;
import io.tributary.schemas.serde.MessageReader;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where Avro bytes from outside the process (Kafka, Redis, files) enter the bus. A payload that does
 * not decode (unknown fingerprint, truncated, corrupt) is published on the dead-letter topic with the
 * raw bytes and the reason, and counted; the messages around it are unaffected.
 *
 * <p>One instance per consuming thread: it reuses one {@link MessageReader}.
 */
public final class DecodingIngress {
    private static final Logger LOG = LoggerFactory.getLogger(DecodingIngress.class);

    /** Header on a dead letter: the {@link MessageDecodingException.Reason}. */
    public static final String DECODE_REASON = "tributary.decode.reason";

    /** {@link #DECODE_REASON} of a record that decoded but has no counterpart in the payload mapping. */
    public static final String UNMAPPABLE = "UNMAPPABLE";

    private final String name;
    private final MessageBus bus;
    private final MessageReader reader;
    private final PayloadMapping mapping;
    private final LongAdder decoded = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    /** @param name who feeds it (e.g. {@code kafka:orders.critical}); names the culprit in dead letters */
    public DecodingIngress(String name, MessageBus bus, TributarySerde serde) {
        this(name, bus, serde, PayloadMapping.AVRO);
    }

    /**
     * @param mapping what the bus receives for a decoded record ({@link PayloadMapping#MARKET}: the
     *                plain {@code api.market} records); a record it cannot map is dead-lettered with
     *                reason {@value #UNMAPPABLE}
     */
    public DecodingIngress(String name, MessageBus bus, TributarySerde serde, PayloadMapping mapping) {
        this.name = name;
        this.bus = bus;
        this.reader = serde.newReader();
        this.mapping = mapping;
    }

    /**
     * Decodes {@code bytes} and publishes the record on {@code topic}.
     *
     * @return true if the message was decoded and accepted by the bus; false if it was dead-lettered
     *         or a lane refused it
     */
    public boolean ingest(String topic, Object key, byte[] bytes, Priority priority, Headers headers) {
        SpecificRecord record;
        try {
            record = reader.decode(bytes);
        } catch (MessageDecodingException e) {
            return reject(topic, key, bytes, priority, headers, e, e.reason().name());
        }
        Object payload;
        try {
            payload = mapping.fromAvro(record);
        } catch (RuntimeException e) {
            return reject(topic, key, bytes, priority, headers, e, UNMAPPABLE);
        }
        decoded.increment();
        return bus.publish(topic, key, payload, priority, headers);
    }

    /**
     * Decodes the buffer's remaining bytes (read in place: a transport's receive buffer needs no copy)
     * and publishes the record on {@code topic}. The buffer's position is left unspecified.
     *
     * @return as {@link #ingest(String, Object, byte[], Priority, Headers)}
     */
    public boolean ingest(String topic, Object key, ByteBuffer bytes, Priority priority, Headers headers) {
        int start = bytes.position();
        SpecificRecord record;
        try {
            record = reader.decode(bytes, null);
        } catch (MessageDecodingException e) {
            return reject(topic, key, copy(bytes, start), priority, headers, e, e.reason().name());
        }
        Object payload;
        try {
            payload = mapping.fromAvro(record);
        } catch (RuntimeException e) {
            return reject(topic, key, copy(bytes, start), priority, headers, e, UNMAPPABLE);
        }
        decoded.increment();
        return bus.publish(topic, key, payload, priority, headers);
    }

    private static byte[] copy(ByteBuffer bytes, int start) {
        ByteBuffer all = bytes.duplicate();
        all.position(start);
        byte[] copy = new byte[all.remaining()];
        all.get(copy);
        return copy;
    }

    private boolean reject(String topic, Object key, byte[] bytes, Priority priority, Headers headers,
                           RuntimeException e, String reason) {
        rejected.increment();
        LOG.warn("{}: undeliverable message on {} ({}): {}", name, topic, reason, e.getMessage());
        Message<byte[]> raw = new Message<>(0, topic, key, bytes, priority, 0, headers);
        bus.publish(bus.deadLetterTopic(), name, new DeadLetter(raw, name, e), Priority.HIGH,
                headers.with(DECODE_REASON, reason)
                        .with(Headers.ERROR_CLASS, e.getClass().getName())
                        .with(Headers.ERROR_MESSAGE, String.valueOf(e.getMessage()))
                        .with(Headers.FAILED_SUBSCRIBER, name));
        return false;
    }

    public long decodedCount() {
        return decoded.sum();
    }

    public long rejectedCount() {
        return rejected.sum();
    }
}
