package io.tributary.api;

import java.util.Objects;

/** An immutable message: what {@link Envelope#copy()} returns and what leaves the process. */
public record Message<T>(long id, String topic, Object key, T payload, Priority priority,
                         long publishTimeNanos, Headers headers) implements Envelope<T> {

    public Message {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(headers, "headers");
    }

    @Override
    public Message<T> copy() {
        return this;
    }
}
