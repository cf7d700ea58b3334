package io.tributary.runtime.transport.redis;

import io.tributary.api.Priority;

/**
 * Receives one decoded stream entry: its Avro record as the consumer's
 * {@link io.tributary.runtime.transport.avro.PayloadMapping} maps it (the record itself with
 * {@code AVRO}; the plain {@code api.market} record with {@code MARKET}). Returning true means
 * "handled": the entry is acknowledged (XACK) with its read batch. Returning false (or throwing)
 * leaves it pending; it is claimed again after the claim idle time.
 */
@FunctionalInterface
public interface RedisEntryHandler {
    boolean handle(String topic, String key, Object payload, Priority lane, long messageId);
}
