package io.tributary.runtime.plan;

import io.tributary.api.Headers;
import io.tributary.api.Priority;
import io.tributary.runtime.exec.MutableEnvelope;

/**
 * The per-thread, reused message a policy step shows a routing policy, and the topic of the bus
 * message the thread is processing (set by the handlers of stages that route by policy, because
 * processors do not carry the source topic). Values released by the timer have no source topic:
 * they are shown with the routing node's name.
 */
final class RoutingEnvelope extends MutableEnvelope {
    private static final ThreadLocal<RoutingEnvelope> CURRENT = ThreadLocal.withInitial(RoutingEnvelope::new);

    String sourceTopic;

    static RoutingEnvelope current() {
        return CURRENT.get();
    }

    /** Shows a processor's record as a message (no id: it is not one the bus delivered). */
    RoutingEnvelope fill(String topic, Object key, Object payload, Priority priority, long publishTimeNanos) {
        set(0, topic, key, payload, priority, publishTimeNanos, Headers.EMPTY);
        return this;
    }
}
