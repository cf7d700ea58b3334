package io.tributary.runtime.cli;

import io.tributary.api.Headers;
import io.tributary.api.MessageBus;
import io.tributary.api.MessageHandler;
import io.tributary.api.Priority;
import io.tributary.api.RequestHandler;
import io.tributary.api.SubscribeOptions;
import io.tributary.api.Subscription;
import io.tributary.api.TopicHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The bus the in-process part of a plan runs on when a transport runs some of its stages elsewhere:
 * a subscription whose name is in {@code elsewhere} is not made (those stages' messages are handled
 * by the transport), everything else goes to the real bus.
 */
final class ResidualBus implements MessageBus {
    private static final Logger LOG = LoggerFactory.getLogger(ResidualBus.class);

    private final MessageBus bus;
    private final Set<String> elsewhere;

    ResidualBus(MessageBus bus, Set<String> elsewhere) {
        this.bus = bus;
        this.elsewhere = Set.copyOf(elsewhere);
    }

    @Override
    public <T> Subscription subscribe(String pattern, MessageHandler<T> handler, SubscribeOptions options) {
        if (options.name() != null && elsewhere.contains(options.name())) {
            LOG.debug("{} on {} runs on the transport, not in-process", options.name(), pattern);
            return new Skipped(options.name(), pattern);
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
        if (!(subscription instanceof Skipped)) {
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

    /** The real bus belongs to the run: closing this view does not close it. */
    @Override
    public void close() {
    }

    private record Skipped(String name, String pattern) implements Subscription {
        @Override
        public boolean isActive() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
