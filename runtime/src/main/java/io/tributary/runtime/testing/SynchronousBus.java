package io.tributary.runtime.testing;

import io.tributary.api.EpochClock;
import io.tributary.api.Headers;
import io.tributary.api.Message;
import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.RequestHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.Topic;
import io.tributary.api.TopicHandle;
import io.tributary.api.TopicPattern;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link MessageBus} for the test driver: no threads, no lanes; a publish delivers to every
 * matching subscription before it returns (depth first), and every message the plan publishes is
 * reported to a listener. Handler exceptions propagate to the caller, so a test sees them.
 */
final class SynchronousBus implements MessageBus {
    private final EpochClock clock;
    private final Consumer<Message<Object>> published;
    private final List<Sub> subscriptions = new ArrayList<>();
    private long nextId = 1;
    private boolean closed;

    SynchronousBus(EpochClock clock, Consumer<Message<Object>> published) {
        this.clock = clock;
        this.published = published;
    }

    /** Delivers without reporting: input piped by the test. */
    void inject(String topic, Object key, Object payload, Priority priority) {
        deliver(new Message<>(nextId++, Topic.validate(topic), key, payload, priority, clock.nowNanos(), Headers.EMPTY));
    }

    @Override
    public boolean publish(String topic, Object key, Object payload, Priority priority, Headers headers) {
        if (closed) {
            throw new IllegalStateException("test driver is closed; cannot publish to " + topic);
        }
        Message<Object> message = new Message<>(nextId++, Topic.validate(topic), key, payload, priority,
                clock.nowNanos(), headers);
        published.accept(message);
        deliver(message);
        return true;
    }

    private void deliver(Message<Object> message) {
        for (Sub sub : List.copyOf(subscriptions)) {
            if (sub.active && sub.pattern.matches(message.topic())) {
                try {
                    sub.handler.onMessage(message);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("handler " + sub.name + " failed on " + message, e);
                }
            }
        }
    }

    @Override
    public TopicHandle topic(String topic) {
        Topic.validate(topic);
        return new TopicHandle() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public boolean publish(Object key, Object payload, Priority priority) {
                return SynchronousBus.this.publish(topic, key, payload, priority, Headers.EMPTY);
            }

            @Override
            public boolean publish(Object key, Object payload, Priority priority, Headers headers) {
                return SynchronousBus.this.publish(topic, key, payload, priority, headers);
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options) {
        Sub sub = new Sub(TopicPattern.parse(pattern, options.syntax()), (MessageHandler<Object>) handler,
                options.name() != null ? options.name() : "subscription-" + (subscriptions.size() + 1));
        subscriptions.add(sub);
        return sub;
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        subscription.close();
    }

    @Override
    public <T> Subscription register(String endpoint, MessageHandler<T> handler, SubscribeOptions options) {
        throw unsupported("register");
    }

    @Override
    public boolean send(String endpoint, Object key, Object payload, Priority priority) {
        throw unsupported("send");
    }

    @Override
    public <Q, R> Subscription serve(String endpoint, RequestHandler<Q, R> handler, SubscribeOptions options) {
        throw unsupported("serve");
    }

    @Override
    public <R> CompletableFuture<R> request(String endpoint, Object payload, Priority priority, Duration timeout) {
        throw unsupported("request");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " is not part of what compiled topologies use; the test driver does not offer it");
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(Sub::close);
    }

    private static final class Sub implements Subscription {
        final TopicPattern pattern;
        final MessageHandler<Object> handler;
        final String name;
        boolean active = true;

        Sub(TopicPattern pattern, MessageHandler<Object> handler, String name) {
            this.pattern = pattern;
            this.handler = handler;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String pattern() {
            return pattern.pattern();
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void close() {
            active = false;
        }
    }
}
