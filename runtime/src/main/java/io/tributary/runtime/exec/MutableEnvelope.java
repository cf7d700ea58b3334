package io.tributary.runtime.exec;

import io.tributary.api.Envelope;
import io.tributary.api.Headers;
import io.tributary.api.Priority;

/**
 * A reusable message carrier: ring-buffer cells and inline delivery write into one of these instead
 * of allocating. Handlers see it through {@link Envelope} and must {@link #copy()} what they keep.
 * Not thread-safe: whoever owns the cell writes it, then hands it over through a memory barrier.
 */
public class MutableEnvelope implements Envelope<Object> {
    private long id;
    private String topic;
    private Object key;
    private Object payload;
    private Priority priority;
    private long publishTimeNanos;
    private Headers headers = Headers.EMPTY;

    public final MutableEnvelope set(long id, String topic, Object key, Object payload, Priority priority,
                                     long publishTimeNanos, Headers headers) {
        this.id = id;
        this.topic = topic;
        this.key = key;
        this.payload = payload;
        this.priority = priority;
        this.publishTimeNanos = publishTimeNanos;
        this.headers = headers;
        return this;
    }

    public final MutableEnvelope set(Envelope<?> from) {
        return set(from.id(), from.topic(), from.key(), from.payload(), from.priority(),
                from.publishTimeNanos(), from.headers());
    }

    /** Drops references so a drained cell does not keep payloads alive. */
    public final void clear() {
        topic = null;
        key = null;
        payload = null;
        headers = Headers.EMPTY;
    }

    @Override
    public final long id() {
        return id;
    }

    @Override
    public final String topic() {
        return topic;
    }

    @Override
    public final Object key() {
        return key;
    }

    @Override
    public final Object payload() {
        return payload;
    }

    @Override
    public final Priority priority() {
        return priority;
    }

    @Override
    public final long publishTimeNanos() {
        return publishTimeNanos;
    }

    @Override
    public final Headers headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "Envelope[id=" + id + ", topic=" + topic + ", key=" + key + ", priority=" + priority + "]";
    }
}
