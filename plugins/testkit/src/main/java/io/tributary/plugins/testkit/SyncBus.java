package io.tributary.plugins.testkit;

import io.tributary.api.DeadLetter;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MessageBus} for plugin tests: delivers synchronously, on the publisher's thread, to every
 * subscription whose pattern matches ({@link TopicPattern#matches}, the reference matcher), and
 * records every published message. Lanes are ignored; handler exceptions are recorded as
 * {@link DeadLetter}s. Thread-safe, not fast.
 */
public final class SyncBus implements MessageBus {

    private record Sub(String name, TopicPattern pattern, MessageHandler<Object> handler) {
    }

    private final List<Sub> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<String, List<MessageHandler<Object>>> endpoints = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> roundRobin = new ConcurrentHashMap<>();
    private final List<Message<?>> published = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final boolean record;
    private volatile boolean closed;

    /** Records every published message. */
    public SyncBus() {
        this(true);
    }

    /** @param record false for long runs where only subscribers matter */
    public SyncBus(boolean record) {
        this.record = record;
    }

    /** Every message published so far, in order. */
    public synchronized List<Message<?>> published() {
        return List.copyOf(published);
    }

    /** Payloads of published messages whose topic matches {@code pattern}, in order. */
    public <T> List<T> payloads(String pattern, Class<T> type) {
        TopicPattern p = TopicPattern.parse(pattern);
        List<T> out = new ArrayList<>();
        for (Message<?> m : published()) {
            if (p.matches(m.topic()) && type.isInstance(m.payload())) {
                out.add(type.cast(m.payload()));
            }
        }
        return out;
    }

    /** Messages whose handler threw. */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    public synchronized void clear() {
        published.clear();
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
                return SyncBus.this.publish(topic, key, payload, priority, Headers.EMPTY);
            }

            @Override
            public boolean publish(Object key, Object payload, Priority priority, Headers headers) {
                return SyncBus.this.publish(topic, key, payload, priority, headers);
            }
        };
    }

    @Override
    public boolean publish(String topic, Object key, Object payload, Priority priority, Headers headers) {
        checkOpen();
        Topic.validate(topic);
        Message<Object> message = new Message<>(ids.incrementAndGet(), topic, key, payload, priority, 0L, headers);
        if (record) {
            synchronized (this) {
                published.add(message);
            }
        }
        for (Sub sub : subscriptions) {
            if (sub.pattern().matches(topic)) {
                deliver(sub.name(), sub.handler(), message);
            }
        }
        return true;
    }

    private void deliver(String name, MessageHandler<Object> handler, Message<Object> message) {
        try {
            handler.onMessage(message);
        } catch (Exception e) {
            deadLetters.add(new DeadLetter(message, name, e));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options) {
        TopicPattern parsed = TopicPattern.parse(pattern, options.syntax());
        String name = options.name() != null ? options.name() : "sub-" + ids.incrementAndGet();
        Sub sub = new Sub(name, parsed, (MessageHandler<Object>) handler);
        subscriptions.add(sub);
        return new Handle(name, pattern, () -> subscriptions.remove(sub));
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        subscription.close();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Subscription register(String endpoint, MessageHandler<T> handler, SubscribeOptions options) {
        List<MessageHandler<Object>> handlers = endpoints.computeIfAbsent(endpoint, e -> new CopyOnWriteArrayList<>());
        handlers.add((MessageHandler<Object>) handler);
        return new Handle(endpoint, endpoint, () -> handlers.remove(handler));
    }

    @Override
    public boolean send(String endpoint, Object key, Object payload, Priority priority) {
        checkOpen();
        List<MessageHandler<Object>> handlers = endpoints.getOrDefault(endpoint, List.of());
        if (handlers.isEmpty()) {
            throw new IllegalStateException("no handler registered for endpoint " + endpoint);
        }
        int i = Math.floorMod(roundRobin.computeIfAbsent(endpoint, e -> new AtomicInteger()).getAndIncrement(), handlers.size());
        deliver(endpoint, handlers.get(i), new Message<>(ids.incrementAndGet(), endpoint, key, payload, priority, 0L, Headers.EMPTY));
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q, R> Subscription serve(String endpoint, RequestHandler<Q, R> handler, SubscribeOptions options) {
        MessageHandler<Object> wrapper = m -> {
            throw new UnsupportedOperationException("use request()");
        };
        List<MessageHandler<Object>> handlers = endpoints.computeIfAbsent("serve:" + endpoint, e -> new CopyOnWriteArrayList<>());
        handlers.add(wrapper);
        servers.put(endpoint, (RequestHandler<Object, Object>) handler);
        return new Handle(endpoint, endpoint, () -> {
            handlers.remove(wrapper);
            servers.remove(endpoint);
        });
    }

    private final Map<String, RequestHandler<Object, Object>> servers = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> request(String endpoint, Object payload, Priority priority, Duration timeout) {
        RequestHandler<Object, Object> server = servers.get(endpoint);
        if (server == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("nobody serves " + endpoint));
        }
        try {
            return CompletableFuture.completedFuture((R) server.handle(
                    new Message<>(ids.incrementAndGet(), endpoint, null, payload, priority, 0L, Headers.EMPTY)));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("bus is closed");
        }
    }

    private static final class Handle implements Subscription {
        private final String name;
        private final String pattern;
        private final Runnable remove;
        private volatile boolean active = true;

        Handle(String name, String pattern, Runnable remove) {
            this.name = name;
            this.pattern = pattern;
            this.remove = remove;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String pattern() {
            return pattern;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void close() {
            if (active) {
                active = false;
                remove.run();
            }
        }
    }
}
