package io.tributary.runtime.config;

/**
 * Which transport carries the plan ({@code tributary.transport}); only the chosen one is validated.
 *
 * @param type  inmemory, kafka or redis
 * @param kafka Kafka settings (placeholders until the Kafka transport lands)
 * @param redis Redis settings (placeholders until the Redis transport lands)
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
     */
    public record Kafka(String bootstrapServers, String applicationId, ProcessingGuarantee processingGuarantee,
                        Profile profile, java.util.Map<String, String> client) {
        public Kafka {
            client = java.util.Map.copyOf(client);
        }

        public boolean exactlyOnce() {
            return processingGuarantee == ProcessingGuarantee.EXACTLY_ONCE_V2;
        }

        /** Kafka Streams' {@code processing.guarantee}. */
        public enum ProcessingGuarantee { AT_LEAST_ONCE, EXACTLY_ONCE_V2 }

        /** Which defaults Kafka Streams runs with. */
        public enum Profile { LOW_LATENCY, THROUGHPUT }
    }

    /** @param address redis:// or rediss:// URI; maxLength bounds each stream */
    public record Redis(String address, long maxLength) {
    }
}
