package io.tributary.runtime.metrics;

import io.tributary.api.EpochClock;
import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;

import java.util.Objects;

/**
 * A bus handler with the meters of one node: {@code .in} per message taken, {@code .out} per
 * message the handler finished, {@code .errors} per failure (rethrown, so the bus still counts and
 * dead-letters it), and the publish → node latency, sampled one message in {@value #LATENCY_SAMPLE}
 * (a clock read costs as much as a short stage).
 *
 * <p>Compiled plans meter every stage with it; the benchmarks use it to measure what metrics cost.
 */
public final class MeteredHandler<T> implements MessageHandler<T> {
    /** One message in this many has its latency recorded. */
    public static final int LATENCY_SAMPLE = 16;

    private final MessageHandler<T> handler;
    private final NodeMetrics node;
    private final EpochClock clock;
    /** Racy across workers on purpose: it only spaces the samples out. */
    private int sampleCountdown;

    private MeteredHandler(MessageHandler<T> handler, NodeMetrics node, EpochClock clock) {
        this.handler = handler;
        this.node = node;
        this.clock = clock;
    }

    /** {@code handler} metered as {@code node}, with latencies read from {@code clock}. */
    public static <T> MessageHandler<T> wrap(MessageHandler<T> handler, NodeMetrics node, EpochClock clock) {
        return new MeteredHandler<>(Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(node, "node"),
                Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public void onMessage(Envelope<T> message) throws Exception {
        node.in();
        if (--sampleCountdown <= 0) {
            sampleCountdown = LATENCY_SAMPLE;
            node.latency(clock.nowNanos() - message.publishTimeNanos());
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
