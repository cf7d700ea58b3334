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

    /** @param bootstrapServers host:port list */
    public record Kafka(String bootstrapServers, String applicationId, boolean exactlyOnce) {
    }

    /** @param address redis:// or rediss:// URI; maxLength bounds each stream */
    public record Redis(String address, long maxLength) {
    }
}
