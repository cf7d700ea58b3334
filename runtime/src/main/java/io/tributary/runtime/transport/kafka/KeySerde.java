package io.tributary.runtime.transport.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/**
 * Keys on Kafka are text: any key object is written as {@code String.valueOf(key)} in UTF-8 (keys
 * are symbols, accounts, instrument ids; their string form is what partitions them) and read back
 * as a String. Null stays null.
 */
final class KeySerde implements Serde<Object> {
    static final KeySerde INSTANCE = new KeySerde();

    private static final Serializer<Object> SERIALIZER =
            (topic, key) -> key == null ? null : String.valueOf(key).getBytes(StandardCharsets.UTF_8);
    private static final Deserializer<Object> DESERIALIZER =
            (topic, bytes) -> bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);

    @Override
    public Serializer<Object> serializer() {
        return SERIALIZER;
    }

    @Override
    public Deserializer<Object> deserializer() {
        return DESERIALIZER;
    }
}
