package io.tributary.schemas.kafka;

import java.nio.ByteBuffer;
import java.util.Map;

import io.tributary.schemas.serde.MessageDecodingException;
import io.tributary.schemas.serde.MessageReader;
import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer of Avro single-object messages. Untyped ({@code SpecificRecord}): the record
 * class is picked by the fingerprint in each message, so one topic may carry several types.
 * Typed: every message must hold that type. A null payload (tombstone) deserializes to null.
 *
 * <p>Bad bytes throw {@link MessageDecodingException}; the Kafka consumer wraps it in a
 * {@code RecordDeserializationException} and Kafka Streams hands it to its
 * {@code DeserializationExceptionHandler}: the cause's {@code reason()} says what is wrong.
 *
 * <p>Thread-safe: decoding state is per thread. By class name in consumer configs
 * ({@code value.deserializer}) the no-argument constructor gives the untyped deserializer over
 * {@link TributarySerde#get()}; config {@value #TYPE_CONFIG} (a record class name) makes it typed.
 *
 * @param <T> record type
 */
public final class TributaryKafkaDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    /** Optional config: fully-qualified record class every message must hold. */
    public static final String TYPE_CONFIG = "tributary.record.type";

    private final TributarySerde serde;
    private Class<T> type;
    private final ThreadLocal<MessageReader> readers;

    /** Untyped, over {@link TributarySerde#get()}. */
    public TributaryKafkaDeserializer() {
        this(TributarySerde.get(), null);
    }

    /** Typed, over {@link TributarySerde#get()}. */
    public TributaryKafkaDeserializer(Class<T> type) {
        this(TributarySerde.get(), type);
    }

    /**
     * @param type the type every message must hold, or null to accept any registered type
     */
    public TributaryKafkaDeserializer(TributarySerde serde, Class<T> type) {
        this.serde = serde;
        this.type = type;
        this.readers = ThreadLocal.withInitial(serde::newReader);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(TYPE_CONFIG);
        if (configured == null || type != null) {
            return;
        }
        Class<?> named;
        if (configured instanceof Class<?> c) {
            named = c;
        } else {
            try {
                named = Class.forName(configured.toString(), false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(TYPE_CONFIG + "=" + configured + ": no such class", e);
            }
        }
        if (!serde.registeredTypes().contains(named)) {
            throw new IllegalArgumentException(TYPE_CONFIG + "=" + named.getName()
                    + " is not a record type registered with the serde");
        }
        type = (Class<T>) named;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return decode(data, 0, data.length);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        ByteBuffer view = data.duplicate();
        return type == null ? cast(readers.get().decode(view, null)) : readers.get().decode(view, type, null);
    }

    private T decode(byte[] data, int offset, int length) {
        MessageReader reader = readers.get();
        return type == null ? cast(reader.decode(data, offset, length, null)) : reader.decode(data, offset, length, type, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(SpecificRecord record) {
        return (T) record;
    }
}
