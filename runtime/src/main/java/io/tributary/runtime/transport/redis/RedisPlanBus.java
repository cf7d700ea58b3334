package io.tributary.runtime.transport.redis;

import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.runtime.bus.BusView;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bus a plan runs on when its topic sources are fed from Redis: the subscriptions of those
 * sources' stages (named in {@code fromRedis}) are made on {@code inbound}, where the consumer
 * publishes what it reads, so they see each message once, after it crossed Redis, and never the
 * in-process publish that sent it there. Everything else (publishes, other stages, requests) goes
 * to the real bus.
 */
final class RedisPlanBus extends BusView {
    private final MessageBus inbound;
    private final Set<String> fromRedis;
    private final Set<Subscription> inboundSubscriptions = ConcurrentHashMap.newKeySet();

    RedisPlanBus(MessageBus bus, MessageBus inbound, Set<String> fromRedis) {
        super(bus);
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
    public void unsubscribe(Subscription subscription) {
        if (inboundSubscriptions.remove(subscription)) {
            inbound.unsubscribe(subscription);
        } else {
            bus.unsubscribe(subscription);
        }
    }
}
