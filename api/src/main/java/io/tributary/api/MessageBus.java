package io.tributary.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The in-process bus: publish/subscribe on dot-separated topics with glob patterns, point-to-point
 * endpoints and request/response, delivered through four priority lanes.
 *
 * <p>All methods are thread-safe. Handlers that throw do not disturb other handlers; their message
 * goes to {@link #deadLetterTopic()} as a {@link DeadLetter}.
 */
public interface MessageBus extends AutoCloseable {

    /** Default dead-letter topic. */
    String DEAD_LETTER_TOPIC = "tributary.deadletter";

    /** Resolves a topic once for allocation-free, string-free publishing. */
    TopicHandle topic(String topic);

    /** Publishes with no key on the NORMAL lane. */
    default boolean publish(String topic, Object payload) {
        return publish(topic, null, payload, Priority.NORMAL, Headers.EMPTY);
    }

    default boolean publish(String topic, Object key, Object payload, Priority priority) {
        return publish(topic, key, payload, priority, Headers.EMPTY);
    }

    /**
     * Delivers to every subscription whose pattern matches {@code topic}.
     *
     * @return false if at least one subscriber's lane rejected the message (REJECT policy)
     * @throws IllegalArgumentException if {@code topic} is not a valid topic name
     * @throws IllegalStateException    after {@link #close()}
     */
    boolean publish(String topic, Object key, Object payload, Priority priority, Headers headers);

    default <T> Subscription subscribe(String pattern, MessageHandler<T> handler) {
        return subscribe(pattern, handler, SubscribeOptions.defaults());
    }

    /** @throws InvalidPatternException naming the offending position */
    <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options);

    /** Same as {@code subscription.close()}. */
    void unsubscribe(Subscription subscription);

    /**
     * Registers a point-to-point endpoint. With several handlers on one endpoint, each message goes
     * to exactly one of them (round robin).
     */
    <T> Subscription register(String endpoint, MessageHandler<T> handler, SubscribeOptions options);

    default boolean send(String endpoint, Object payload) {
        return send(endpoint, null, payload, Priority.NORMAL);
    }

    /**
     * Sends to one handler of {@code endpoint}.
     *
     * @throws IllegalStateException when no handler is registered for {@code endpoint}
     */
    boolean send(String endpoint, Object key, Object payload, Priority priority);

    /** Serves requests on {@code endpoint}; the handler's return value is the reply. */
    <Q, R> Subscription serve(String endpoint, RequestHandler<Q, R> handler, SubscribeOptions options);

    /**
     * Sends a request and returns its reply. The future fails with
     * {@link java.util.concurrent.TimeoutException} after {@code timeout}, with the handler's
     * exception if it threw, and with {@link IllegalStateException} if nobody serves the endpoint.
     */
    default <R> CompletableFuture<R> request(String endpoint, Object payload, Duration timeout) {
        return request(endpoint, payload, Priority.HIGH, timeout);
    }

    <R> CompletableFuture<R> request(String endpoint, Object payload, Priority priority, Duration timeout);

    default String deadLetterTopic() {
        return DEAD_LETTER_TOPIC;
    }

    /** Stops accepting messages, drains the lanes within the configured grace period. */
    @Override
    void close();
}
