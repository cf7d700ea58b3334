package io.tributary.runtime.plan;

import io.tributary.api.Envelope;
import io.tributary.api.Headers;
import io.tributary.api.Priority;

/**
 * The per-thread, reused message a policy step shows a routing policy, and the topic of the bus
 * message the thread is processing (set by the handlers of stages that route by policy, because
 * processors do not carry the source topic). Values released by the timer have no source topic:
 * they are shown with the routing node's name.
 */
final class RoutingEnvelope implements Envelope<Object> {
    private static final ThreadLocal<RoutingEnvelope> CURRENT = ThreadLocal.withInitial(RoutingEnvelope::new);

    String sourceTopic;
    private String topic;
    private Object key;
    private Object payload;
    private Priority priority;
    private long publishTimeNanos;

    static RoutingEnvelope current() {
        return CURRENT.get();
    }

    RoutingEnvelope fill(String topic, Object key, Object payload, Priority priority, long publishTimeNanos) {
        this.topic = topic;
        this.key = key;
        this.payload = payload;
        this.priority = priority;
        this.publishTimeNanos = publishTimeNanos;
        return this;
    }

    @Override
    public long id() {
        return 0;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Object key() {
        return key;
    }

    @Override
    public Object payload() {
        return payload;
    }

    @Override
    public Priority priority() {
        return priority;
    }

    @Override
    public long publishTimeNanos() {
        return publishTimeNanos;
    }

    @Override
    public Headers headers() {
        return Headers.EMPTY;
    }
}
