package io.tributary.runtime.plugin;

import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.RequestHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.TopicHandle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A bus that only records what is published: enough for loading tests, no delivery. */
final class RecordingBus implements MessageBus {

    record Published(String topic, Object payload) {
    }

    private final List<Published> published = new ArrayList<>();

    synchronized List<Published> published() {
        return List.copyOf(published);
    }

    @Override
    public TopicHandle topic(String topic) {
        return new TopicHandle() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public boolean publish(Object key, Object payload, Priority priority) {
                return RecordingBus.this.publish(topic, key, payload, priority, Headers.EMPTY);
            }

            @Override
            public boolean publish(Object key, Object payload, Priority priority, Headers headers) {
                return RecordingBus.this.publish(topic, key, payload, priority, headers);
            }
        };
    }

    @Override
    public synchronized boolean publish(String topic, Object key, Object payload, Priority priority, Headers headers) {
        published.add(new Published(topic, payload));
        return true;
    }

    @Override
    public <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options) {
        throw new UnsupportedOperationException("RecordingBus does not deliver");
    }

    @Override
    public void unsubscribe(Subscription subscription) {
    }

    @Override
    public <T> Subscription register(String endpoint, MessageHandler<T> handler, SubscribeOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean send(String endpoint, Object key, Object payload, Priority priority) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <Q, R> Subscription serve(String endpoint, RequestHandler<Q, R> handler, SubscribeOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <R> CompletableFuture<R> request(String endpoint, Object payload, Priority priority, Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
