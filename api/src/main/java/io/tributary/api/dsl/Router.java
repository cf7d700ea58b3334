package io.tributary.api.dsl;

/**
 * An in-DSL routing policy: picks the lane and destination of each message. Returning null drops
 * the message. Called concurrently for different keys; keep it stateless or thread-safe.
 *
 * @param <T> payload type
 */
@FunctionalInterface
public interface Router<T> {
    Route route(T value);
}
