package io.tributary.runtime.transport.kafka;

import io.tributary.api.Priority;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the lane transport talks to Kafka. {@code kafkaProperties} are passed to every client as they
 * are (that is where SASL/TLS settings go: {@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, {@code ssl.truststore.location}, …) after Tributary's low-latency defaults,
 * so they win.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param app              application id: topic prefix and consumer group
 * @param maxWait          per lane (ordinal index): how long a lane with lag may be held back while a
 *                         higher lane has lag; CRITICAL's entry is ignored
 * @param pollTimeout      longest poll of a held-back (paused) lane: how often it re-evaluates the lane
 *                         gate; a lane that fetches blocks in poll until records arrive
 * @param maxPollRecords   records per poll: smaller means a CRITICAL record waits behind fewer lower ones
 * @param recentIds        how many message ids are remembered to drop redeliveries
 * @param kafkaProperties  extra client properties, override the defaults
 */
public record KafkaLaneSettings(String bootstrapServers, String app, Duration[] maxWait, Duration pollTimeout,
                                int maxPollRecords, int recentIds, Map<String, Object> kafkaProperties) {

    public KafkaLaneSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(app, "app");
        if (maxWait.length != Priority.COUNT) {
            throw new IllegalArgumentException("maxWait needs one entry per lane (" + Priority.COUNT + ")");
        }
        maxWait = maxWait.clone();
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be >= 1, was " + maxPollRecords);
        }
        if (recentIds < 1) {
            throw new IllegalArgumentException("recentIds must be >= 1, was " + recentIds);
        }
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** Same max waits as the in-process executor: HIGH 5 ms, NORMAL 20 ms, LOW 50 ms. */
    public static KafkaLaneSettings defaults(String bootstrapServers, String app) {
        return new KafkaLaneSettings(bootstrapServers, app,
                new Duration[] {Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50)},
                Duration.ofMillis(5), 256, 65_536, Map.of());
    }

    public KafkaLaneSettings withKafkaProperties(Map<String, Object> extra) {
        Map<String, Object> merged = new HashMap<>(kafkaProperties);
        merged.putAll(extra);
        return new KafkaLaneSettings(bootstrapServers, app, maxWait, pollTimeout, maxPollRecords, recentIds, merged);
    }

    public KafkaLaneSettings withMaxWait(Priority lane, Duration wait) {
        Duration[] w = maxWait.clone();
        w[lane.ordinal()] = wait;
        return new KafkaLaneSettings(bootstrapServers, app, w, pollTimeout, maxPollRecords, recentIds, kafkaProperties);
    }

    @Override
    public Duration[] maxWait() {
        return maxWait.clone();
    }

    /** Admin config: bootstrap plus the pass-through properties (security settings). */
    public Map<String, Object> adminConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrapServers);
        c.putAll(kafkaProperties);
        return c;
    }

    /**
     * Producer config of the lane publishers: linger 0 (a lone CRITICAL order is sent now), acks all,
     * idempotent (a retry after a lost response is not written twice), then the pass-through properties.
     */
    public Map<String, Object> producerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrapServers);
        c.put("linger.ms", 0);
        c.put("acks", "all");
        c.put("enable.idempotence", true);
        c.putAll(kafkaProperties);
        return c;
    }

    /**
     * Consumer config of one lane: manual commits, then the pass-through properties. Each lane has its
     * own consumer, so its long poll at the broker ({@code fetch.min.bytes} 1) returns as soon as that
     * lane has data; {@code fetch.max.wait.ms} (Kafka's 500) only bounds how often an idle lane's fetch
     * comes back empty. Shorter waits cost latency: every empty response is broker and client work, and a
     * record appended while an empty response is on its way waits for the next fetch's round trip.
     */
    public Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrapServers);
        c.put("group.id", groupId);
        c.put("enable.auto.commit", false);
        c.put("auto.offset.reset", "earliest");
        c.put("max.poll.records", maxPollRecords);
        c.put("fetch.max.wait.ms", 500);
        c.put("fetch.min.bytes", 1);
        // a paused lane's fetched-ahead data stays buffered: keep it small so pausing takes effect soon
        c.put("max.partition.fetch.bytes", 256 * 1024);
        c.putAll(kafkaProperties);
        return c;
    }
}
