package io.tributary.runtime.transport.redis;

import io.tributary.api.Priority;
import org.apache.avro.specific.SpecificRecord;

/**
 * Receives one decoded stream entry. Returning true means "handled": the entry is acknowledged
 * (XACK) with its read batch. Returning false (or throwing) leaves it pending; it is claimed again
 * after the claim idle time.
 */
@FunctionalInterface
public interface RedisEntryHandler {
    boolean handle(String topic, String key, SpecificRecord record, Priority lane, long messageId);
}
