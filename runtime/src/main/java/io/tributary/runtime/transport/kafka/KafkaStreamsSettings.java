package io.tributary.runtime.transport.kafka;

import org.apache.kafka.streams.StreamsConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How a topology runs as a Kafka Streams application.
 *
 * <p>Profiles: {@link Profile#LOW_LATENCY} (default) sends each record at once and commits often;
 * {@link Profile#THROUGHPUT} batches. {@code kafkaProperties} are applied last and win, so any
 * Kafka Streams, producer ({@code producer.}-prefixed), consumer or security setting
 * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) passes through.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param app              {@code application.id}, consumer group and topic prefix
 * @param exactlyOnce      {@code processing.guarantee}: exactly_once_v2 if true, at_least_once if false
 * @param profile          latency or throughput defaults
 * @param threads          {@code num.stream.threads}
 * @param kafkaProperties  pass-through settings, applied last
 */
public record KafkaStreamsSettings(String bootstrapServers, String app, boolean exactlyOnce, Profile profile,
                                   int threads, Map<String, Object> kafkaProperties) {

    /** Default sets of Kafka Streams settings. */
    public enum Profile {
        /**
         * {@code producer.linger.ms=0} (Streams' own default is 100 ms), {@code commit.interval.ms=10}
         * (exactly-once output is visible only after a commit), {@code poll.ms=5},
         * {@code consumer.fetch.max.wait.ms=10}.
         */
        LOW_LATENCY,
        /**
         * {@code producer.linger.ms=5}, {@code producer.batch.size=262144}, {@code producer.compression.type=lz4},
         * {@code commit.interval.ms=1000} (exactly-once: 100), {@code poll.ms=100},
         * {@code consumer.max.poll.records=2000}.
         */
        THROUGHPUT
    }

    public KafkaStreamsSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(profile, "profile");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** Low latency, at-least-once, one stream thread. */
    public static KafkaStreamsSettings defaults(String bootstrapServers, String app) {
        return new KafkaStreamsSettings(bootstrapServers, app, false, Profile.LOW_LATENCY, 1, Map.of());
    }

    public KafkaStreamsSettings withExactlyOnce(boolean value) {
        return new KafkaStreamsSettings(bootstrapServers, app, value, profile, threads, kafkaProperties);
    }

    public KafkaStreamsSettings withProfile(Profile value) {
        return new KafkaStreamsSettings(bootstrapServers, app, exactlyOnce, value, threads, kafkaProperties);
    }

    public KafkaStreamsSettings withThreads(int value) {
        return new KafkaStreamsSettings(bootstrapServers, app, exactlyOnce, profile, value, kafkaProperties);
    }

    public KafkaStreamsSettings withKafkaProperties(Map<String, Object> extra) {
        Map<String, Object> merged = new HashMap<>(kafkaProperties);
        merged.putAll(extra);
        return new KafkaStreamsSettings(bootstrapServers, app, exactlyOnce, profile, threads, merged);
    }

    /** The Kafka Streams configuration: profile defaults, then {@link #kafkaProperties}. */
    public Properties streamsConfig() {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                exactlyOnce ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // pattern sources see topics created after the start within this time
        p.put(StreamsConfig.consumerPrefix("metadata.max.age.ms"), 10_000);
        if (profile == Profile.LOW_LATENCY) {
            p.put(StreamsConfig.producerPrefix("linger.ms"), 0);
            p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10);
            p.put(StreamsConfig.POLL_MS_CONFIG, 5);
            p.put(StreamsConfig.consumerPrefix("fetch.max.wait.ms"), 10);
        } else {
            p.put(StreamsConfig.producerPrefix("linger.ms"), 5);
            p.put(StreamsConfig.producerPrefix("batch.size"), 262_144);
            p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
            p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, exactlyOnce ? 100 : 1000);
            p.put(StreamsConfig.POLL_MS_CONFIG, 100);
            p.put(StreamsConfig.consumerPrefix("max.poll.records"), 2000);
        }
        p.putAll(kafkaProperties);
        return p;
    }

    /**
     * What an admin client of this application needs: bootstrap plus the pass-through security
     * settings ({@code security.*}, {@code sasl.*}, {@code ssl.*}), not the Streams-only keys.
     */
    public Map<String, Object> adminConfig() {
        Map<String, Object> admin = new HashMap<>();
        streamsConfig().forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                admin.put(key, v);
            }
        });
        return admin;
    }
}
