package io.tributary.runtime.bus;

import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.RequestHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.TopicHandle;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A view of another bus that forwards every call to it; subclasses change where some subscriptions
 * go (a transport's views route a stage's subscription to the messages that crossed the transport,
 * or skip it). The bus belongs to someone else: closing the view does not close it.
 */
public abstract class BusView implements MessageBus {
    protected final MessageBus bus;

    protected BusView(MessageBus bus) {
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    @Override
    public <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options) {
        return bus.subscribe(pattern, handler, options);
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        bus.unsubscribe(subscription);
    }

    @Override
    public TopicHandle topic(String topic) {
        return bus.topic(topic);
    }

    @Override
    public boolean publish(String topic, Object key, Object payload, Priority priority, Headers headers) {
        return bus.publish(topic, key, payload, priority, headers);
    }

    @Override
    public <T> Subscription register(String endpoint, MessageHandler<T> handler, SubscribeOptions options) {
        return bus.register(endpoint, handler, options);
    }

    @Override
    public boolean send(String endpoint, Object key, Object payload, Priority priority) {
        return bus.send(endpoint, key, payload, priority);
    }

    @Override
    public <Q, R> Subscription serve(String endpoint, RequestHandler<Q, R> handler, SubscribeOptions options) {
        return bus.serve(endpoint, handler, options);
    }

    @Override
    public <R> CompletableFuture<R> request(String endpoint, Object payload, Priority priority, Duration timeout) {
        return bus.request(endpoint, payload, priority, timeout);
    }

    @Override
    public String deadLetterTopic() {
        return bus.deadLetterTopic();
    }

    /** The viewed bus belongs to others: closing the view does not close it. */
    @Override
    public void close() {
    }
}
