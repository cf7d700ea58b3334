package io.tributary.runtime.bus;

import io.tributary.api.Envelope;
import io.tributary.api.EpochClock;
import io.tributary.api.Headers;
import io.tributary.api.Priority;

/**
 * The envelope of one publish call, reused per thread and nesting level. Its publish timestamp is
 * read from the clock only when somebody asks for it — a handler, a copy, or a pooled subscriber
 * that must carry it into a lane — and then shared by every subscriber of that publish. A clock
 * read costs as much as the rest of an inline dispatch, and most inline handlers never look.
 * (docs/decisions/0003-lazy-inline-timestamp.md)
 */
final class InlineEnvelope implements Envelope<Object> {
    private final EpochClock clock;
    private long id;
    private String topic;
    private Object key;
    private Object payload;
    private Priority priority;
    private long publishTimeNanos;
    private boolean stamped;
    private Headers headers = Headers.EMPTY;

    InlineEnvelope(EpochClock clock) {
        this.clock = clock;
    }

    /**
     * Fills the envelope for one publish. A reference field is written only when it changes: the
     * envelope lives long and is soon in an old region, where G1's write barrier sends every reference
     * store into it that points to another region down its slow path, with a StoreLoad fence (measured in W1: ~20 → ~15 ns per inline
     * publish when a publisher repeats its topic, priority and headers, as most do).
     */
    void set(long id, String topic, Object key, Object payload, Priority priority, Headers headers) {
        this.id = id;
        if (this.topic != topic) {
            this.topic = topic;
        }
        if (this.key != key) {
            this.key = key;
        }
        this.payload = payload; // null since clear()
        if (this.priority != priority) {
            this.priority = priority;
        }
        if (this.headers != headers) {
            this.headers = headers;
        }
        this.stamped = false;
    }

    /**
     * Lets go of the message: an idle publisher must not keep the caller's key and payload alive. The
     * topic, priority and headers stay for the next publish to compare (usually a topic handle's own
     * name and the shared empty headers; at most one small object per publisher thread otherwise).
     */
    void clear() {
        key = null;
        payload = null;
    }

    @Override
    public long publishTimeNanos() {
        if (!stamped) {
            publishTimeNanos = clock.nowNanos();
            stamped = true;
        }
        return publishTimeNanos;
    }

    @Override
    public long id() {
        return id;
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
    public Headers headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "Envelope[id=" + id + ", topic=" + topic + ", key=" + key + ", priority=" + priority + "]";
    }
}
