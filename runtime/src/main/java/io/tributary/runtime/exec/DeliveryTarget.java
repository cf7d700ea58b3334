package io.tributary.runtime.exec;

import io.tributary.api.Envelope;

/**
 * Where a pooled delivery ends: a subscription's handler wrapped by the bus. Called on a worker
 * thread, never concurrently for the same (topic, key).
 */
public interface DeliveryTarget {

    /**
     * Handles one message. Must not throw: the bus wraps user handlers so that failures are counted
     * and dead-lettered. The envelope is only valid during the call.
     */
    void deliver(Envelope<Object> message);

    /** Called after the last message of a drained batch that reached this target; flush point for sinks. */
    default void endOfBatch() {
    }

    /** Name used in metrics and error messages. */
    String name();
}
