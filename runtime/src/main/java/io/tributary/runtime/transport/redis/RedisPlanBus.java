package io.tributary.runtime.transport.redis;

import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.RequestHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.TopicHandle;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bus a plan runs on when its topic sources are fed from Redis: the subscriptions of those
 * sources' stages (named in {@code fromRedis}) are made on {@code inbound}, where the consumer
 * publishes what it reads, so they see each message once, after it crossed Redis, and never the
 * in-process publish that sent it there. Everything else (publishes, other stages, requests) goes
 * to the real bus.
 */
final class RedisPlanBus implements MessageBus {
    private final MessageBus bus;
    private final MessageBus inbound;
    private final Set<String> fromRedis;
    private final Set<Subscription> inboundSubscriptions = ConcurrentHashMap.newKeySet();

    RedisPlanBus(MessageBus bus, MessageBus inbound, Set<String> fromRedis) {
        this.bus = bus;
        this.inbound = inbound;
        this.fromRedis = Set.copyOf(fromRedis);
    }

    @Override
    public <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options) {
        if (options.name() != null && fromRedis.contains(options.name())) {
            Subscription s = inbound.subscribe(pattern, handler, options);
            inboundSubscriptions.add(s);
            return s;
        }
        return bus.subscribe(pattern, handler, options);
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
    public void unsubscribe(Subscription subscription) {
        if (inboundSubscriptions.remove(subscription)) {
            inbound.unsubscribe(subscription);
        } else {
            bus.unsubscribe(subscription);
        }
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

    /** Both buses belong to others: closing this view closes neither. */
    @Override
    public void close() {
    }
}
