package io.tributary.runtime.metrics;

import io.tributary.api.EpochClock;
import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;

import java.util.Objects;

/**
 * A bus handler with the meters of one node: {@code .in} per message taken, {@code .out} per
 * message the handler finished, {@code .errors} per failure (rethrown, so the bus still counts and
 * dead-letters it), and the publish → node latency of a sample of messages: all of them while the
 * node is slow, about one per quarter millisecond when it is busy (a sample costs several times a
 * short stage; see {@code LatencySampler}).
 *
 * <p>Compiled plans meter every stage with it; the benchmarks use it to measure what metrics cost.
 * Metrics off ({@link NodeMetrics#NOOP}) leaves the handler as it is: no wrapper, no clock read.
 */
public final class MeteredHandler<T> implements MessageHandler<T> {
    private final MessageHandler<T> handler;
    private final NodeMetrics node;
    private final EpochClock clock;
    private final LatencySampler sampler = new LatencySampler();

    private MeteredHandler(MessageHandler<T> handler, NodeMetrics node, EpochClock clock) {
        this.handler = handler;
        this.node = node;
        this.clock = clock;
    }

    /**
     * {@code handler} metered as {@code node}, with latencies read from {@code clock}; the handler
     * itself when {@code node} is {@link NodeMetrics#NOOP}.
     */
    public static <T> MessageHandler<T> wrap(MessageHandler<T> handler, NodeMetrics node, EpochClock clock) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(clock, "clock");
        if (Objects.requireNonNull(node, "node") == NodeMetrics.NOOP) {
            return handler;
        }
        return new MeteredHandler<>(handler, node, clock);
    }

    @Override
    public void onMessage(Envelope<T> message) throws Exception {
        node.in();
        if (sampler.sample(message.id())) {
            long now = clock.nowNanos();
            node.latency(now - message.publishTimeNanos());
            sampler.sampled(now);
        }
        try {
            handler.onMessage(message);
        } catch (Exception | Error e) {
            node.error();
            throw e;
        }
        node.out();
    }

    @Override
    public String toString() {
        return "Metered[" + node + ", " + handler + "]";
    }
}
