package io.tributary.schemas.kafka;

import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing Avro single-object messages with {@link TributarySerde}. Thread-safe
 * (producers call it from any sending thread). A null record (tombstone) serializes to null.
 *
 * <p>Usable by class name in producer configs ({@code value.serializer}): the no-argument
 * constructor uses {@link TributarySerde#get()}.
 *
 * @param <T> record type
 */
public final class TributaryKafkaSerializer<T extends IndexedRecord> implements Serializer<T> {

    private final TributarySerde serde;

    public TributaryKafkaSerializer() {
        this(TributarySerde.get());
    }

    public TributaryKafkaSerializer(TributarySerde serde) {
        this.serde = serde;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : serde.encode(data);
    }
}
