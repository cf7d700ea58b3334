package io.tributary.runtime.transport.kafka;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka client settings from configuration, passed to every client untouched: security
 * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config},
 * {@code ssl.truststore.location}, …) and any tuning.
 */
public final class KafkaClientProperties {
    private KafkaClientProperties() {
    }

    /**
     * Every entry of the block at {@code path}, keys as Kafka spells them:
     * {@code kafka { "security.protocol" = SASL_SSL }} and {@code kafka.security.protocol = SASL_SSL}
     * both give {@code security.protocol}. Missing block: empty.
     */
    public static Map<String, Object> from(Config config, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!config.hasPath(path)) {
            return out;
        }
        for (Map.Entry<String, ConfigValue> e : config.getConfig(path).entrySet()) {
            String key = e.getKey().replace("\"", "");
            out.put(key, String.valueOf(e.getValue().unwrapped()));
        }
        return out;
    }

    /** The entries whose key starts with {@code kafka.}, without the prefix. */
    public static Map<String, Object> fromPrefixed(Map<String, ?> settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith("kafka.") && k.length() > "kafka.".length()) {
                out.put(k.substring("kafka.".length()), v);
            }
        });
        return out;
    }
}
