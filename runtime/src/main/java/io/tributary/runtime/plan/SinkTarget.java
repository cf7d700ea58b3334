package io.tributary.runtime.plan;

import io.tributary.api.Priority;

/**
 * What a sink or execution-venue plugin receives from {@code to(PluginRef)}. Called concurrently for
 * different keys.
 */
@FunctionalInterface
public interface SinkTarget {

    /**
     * @param topic the destination a route chose, or null
     */
    void accept(Object key, Object value, Priority lane, String topic);
}
