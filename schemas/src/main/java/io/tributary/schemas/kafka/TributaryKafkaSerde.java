package io.tributary.schemas.kafka;

import io.tributary.schemas.serde.TributarySerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serde} of Avro single-object messages, for producers, consumers and Kafka Streams
 * ({@code Consumed.with(Serdes.String(), TributaryKafkaSerde.forType(QuoteTick.class))}).
 *
 * @param <T> record type
 */
public final class TributaryKafkaSerde<T extends SpecificRecord> implements Serde<T> {

    private final TributaryKafkaSerializer<T> serializer;
    private final TributaryKafkaDeserializer<T> deserializer;

    /** Untyped over {@link TributarySerde#get()}; for use by class name in configs ({@code default.value.serde}). */
    public TributaryKafkaSerde() {
        this(TributarySerde.get(), null);
    }

    /**
     * @param type the type every message must hold, or null for any registered type
     */
    public TributaryKafkaSerde(TributarySerde serde, Class<T> type) {
        this.serializer = new TributaryKafkaSerializer<>(serde);
        this.deserializer = new TributaryKafkaDeserializer<>(serde, type);
    }

    /** Serde for one record type over {@link TributarySerde#get()}. */
    public static <T extends SpecificRecord> TributaryKafkaSerde<T> forType(Class<T> type) {
        return new TributaryKafkaSerde<>(TributarySerde.get(), type);
    }

    /** Serde for any registered record type (picked by fingerprint) over {@link TributarySerde#get()}. */
    public static TributaryKafkaSerde<SpecificRecord> any() {
        return new TributaryKafkaSerde<>(TributarySerde.get(), null);
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
