package io.tributary.runtime.config;

/**
 * Which transport carries the plan ({@code tributary.transport}); only the chosen one is validated.
 *
 * @param type  inmemory, kafka or redis
 * @param kafka Kafka settings (placeholders until the Kafka transport lands)
 * @param redis Redis settings
 */
public record TransportSettings(Type type, Kafka kafka, Redis redis) {

    public enum Type { INMEMORY, KAFKA, REDIS }

    /**
     * {@code tributary.transport.kafka}; see docs/kafka.md.
     *
     * @param bootstrapServers    host:port list, or {@code embedded}: a broker started in-process for the run
     * @param applicationId       Kafka Streams application id, consumer group and topic prefix
     * @param processingGuarantee at-least-once, or exactly-once (v2)
     * @param profile             low-latency or throughput defaults of Kafka Streams
     * @param client              Kafka client properties passed through to every producer, consumer,
     *                            admin client and Kafka Streams (SASL/TLS: {@code security.protocol},
     *                            {@code sasl.jaas.config}, {@code ssl.truststore.location}, …)
     * @param outbox              where bus messages bound for Kafka wait while it is away
     */
    public record Kafka(String bootstrapServers, String applicationId, ProcessingGuarantee processingGuarantee,
                        Profile profile, java.util.Map<String, String> client, Outbox outbox) {
        public Kafka {
            client = java.util.Map.copyOf(client);
            java.util.Objects.requireNonNull(outbox, "outbox");
        }

        /**
         * {@code tributary.transport.kafka.outbox}: bus messages bound for Kafka wait here, per lane,
         * while Kafka does not take them; a full lane applies its overflow policy.
         *
         * @param limit        messages held per lane
         * @param blockTimeout how long a publisher waits for room in a full BLOCK lane before the message is refused
         * @param overflow     per lane: BLOCK waits then refuses, DROP_OLDEST and CONFLATE drop the oldest, REJECT refuses
         */
        public record Outbox(int limit, java.time.Duration blockTimeout,
                             java.util.Map<io.tributary.api.Priority, io.tributary.api.OverflowPolicy> overflow) {
            public Outbox {
                if (limit < 1) {
                    throw new IllegalArgumentException("outbox limit must be at least 1, was " + limit);
                }
                java.util.Objects.requireNonNull(blockTimeout, "blockTimeout");
                overflow = java.util.Map.copyOf(overflow);
                for (io.tributary.api.Priority lane : io.tributary.api.Priority.values()) {
                    if (!overflow.containsKey(lane)) {
                        throw new IllegalArgumentException("outbox overflow policy missing for lane " + lane);
                    }
                }
            }

            /** As reference.conf has it: 65 536 per lane, 1 s, BLOCK but LOW (DROP_OLDEST), as the Redis buffer. */
            public static Outbox defaults() {
                java.util.Map<io.tributary.api.Priority, io.tributary.api.OverflowPolicy> overflow =
                        new java.util.EnumMap<>(io.tributary.api.Priority.class);
                for (io.tributary.api.Priority lane : io.tributary.api.Priority.values()) {
                    overflow.put(lane, lane == io.tributary.api.Priority.LOW
                            ? io.tributary.api.OverflowPolicy.DROP_OLDEST : io.tributary.api.OverflowPolicy.BLOCK);
                }
                return new Outbox(65_536, java.time.Duration.ofSeconds(1), overflow);
            }
        }

        public boolean exactlyOnce() {
            return processingGuarantee == ProcessingGuarantee.EXACTLY_ONCE_V2;
        }

        /** Kafka Streams' {@code processing.guarantee}. */
        public enum ProcessingGuarantee { AT_LEAST_ONCE, EXACTLY_ONCE_V2 }

        /** Which defaults Kafka Streams runs with. */
        public enum Profile { LOW_LATENCY, THROUGHPUT }
    }

    /**
     * {@code tributary.transport.redis}; see docs/redis.md.
     *
     * @param address       redis:// or rediss:// URI
     * @param username      ACL user, null for the default user
     * @param password      null: no AUTH
     * @param tlsTruststore null: the JVM's trust store
     * @param streamMode    a stream per lane of each topic, or one per topic
     * @param maxLength     approximate bound of each stream (MAXLEN ~)
     * @param maxAge        zero: no trimming by age
     * @param messagesPerEntry messages of one stream a stream entry may carry (1: one per entry)
     * @param claimIdle     pending entries of a silent consumer are claimed after this long
     * @param bufferLimit   outgoing messages held while Redis is slow or away
     * @param app           stream name prefix and consumer group: processes with the same app share the work
     * @param lanes         per lane: the overflow policy of its send buffer and how long it may be held back
     * @param readCount     messages per XREADGROUP (read as readCount / messagesPerEntry entries)
     * @param blockTimeout  how long a BLOCK lane's publisher waits for buffer room before refusing
     * @param recentIds     message ids remembered per consumer to drop redeliveries
     */
    public record Redis(String address, String username, String password, int database,
                        java.nio.file.Path tlsTruststore, String tlsTruststorePassword, boolean tlsVerifyHostname,
                        java.time.Duration connectTimeout, java.time.Duration timeout, StreamMode streamMode,
                        long maxLength, java.time.Duration maxAge, int batchMax, java.time.Duration flushInterval,
                        int messagesPerEntry, java.time.Duration claimIdle, int bufferLimit, String app,
                        java.util.Map<io.tributary.api.Priority, Lane> lanes, int readCount,
                        java.time.Duration blockTimeout, int recentIds) {
        public Redis {
            lanes = java.util.Map.copyOf(lanes);
        }

        /** A stream per lane of each topic ({@code <app>.<topic>.<lane>}) or one per topic. */
        public enum StreamMode { LANE, TOPIC }

        /**
         * {@code tributary.transport.redis.lanes.<lane>}.
         *
         * @param overflow what a full send buffer of this lane does
         * @param maxWait  how long entries of this lane may wait behind higher lanes; zero for CRITICAL, never held back
         */
        public record Lane(io.tributary.api.OverflowPolicy overflow, java.time.Duration maxWait) {
        }
    }
}
