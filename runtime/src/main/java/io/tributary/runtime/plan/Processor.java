package io.tributary.runtime.plan;

import io.tributary.api.Priority;

/**
 * One operator of a compiled stage. Processors are wired to their successors at build time and call
 * them directly, so a chain of stateless operators runs as nested calls on the delivering thread:
 * no queue, no allocation and no reflection between operators.
 *
 * <p>May be called concurrently for different keys (and, for stateful processors, by the plan's
 * timer); implementations are thread-safe.
 */
public interface Processor {

    /**
     * @param key            the message key (null: none)
     * @param value          the payload
     * @param timestampNanos publish time of the message that caused this call, nanoseconds since the epoch
     * @param lane           the lane outputs are published on
     * @param topic          destination chosen by a route upstream, or null to use the sink's topic
     */
    void process(Object key, Object value, long timestampNanos, Priority lane, String topic);
}
