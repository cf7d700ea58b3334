package io.tributary.runtime.metrics;

import io.tributary.api.EpochClock;
import io.tributary.api.Envelope;
import io.tributary.api.MessageHandler;
import io.tributary.runtime.bus.DeliveryCounts;
import io.tributary.runtime.bus.MeteredDelivery;

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
 *
 * <p>On a {@code LocalMessageBus} it is a {@link MeteredDelivery}: the thread that owns the node's
 * counts (see {@link DeliveryCounts}) is counted by the bus in its delivery loop, around a direct
 * call of the inner handler — an owner check, two plain stores and a mask test on the in count per
 * message, no locked instruction, no allocation, no clock read unless sampled. {@link #onMessage}
 * does the same work as a wrapper, for other threads and other buses.
 */
public final class MeteredHandler<T> implements MeteredDelivery<T> {
    private final MessageHandler<T> handler;
    private final MeteredNode node;
    private final DeliveryCounts counts;
    private final EpochClock clock;
    private final LatencySampler sampler = new LatencySampler();

    private MeteredHandler(MessageHandler<T> handler, MeteredNode node, EpochClock clock) {
        this.handler = handler;
        this.node = node;
        this.counts = node.counts();
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
        if (node instanceof MeteredNode metered) {
            return new MeteredHandler<>(handler, metered, clock);
        }
        return new ThroughInterface<>(handler, node, clock);
    }

    @Override
    public void onMessage(Envelope<T> message) throws Exception {
        DeliveryCounts c = counts;
        boolean owner = c.ownedBy(Thread.currentThread());
        if (owner) {
            c.ownerIn();
        } else {
            c.addIn(1); // may make this thread the owner: the adds below then check again
        }
        if (sampler.sample(message.id())) {
            sampler.record(node, clock, message.publishTimeNanos());
        }
        try {
            handler.onMessage(message);
        } catch (Exception | Error e) {
            if (owner) {
                c.ownerError();
            } else {
                c.addErrors(1);
            }
            throw e;
        }
        if (owner) {
            c.ownerOut();
        } else {
            c.addOut(1);
        }
    }

    @Override
    public MessageHandler<T> handler() {
        return handler;
    }

    @Override
    public DeliveryCounts counts() {
        return counts;
    }

    /** The owner's sample, chosen by its in count: records the latency, then sets the next mask. */
    @Override
    public void sample(Envelope<T> message) {
        sampler.record(node, clock, message.publishTimeNanos());
        counts.sampleMask(sampler.countMask());
    }

    @Override
    public String toString() {
        return "Metered[" + node + ", " + handler + "]";
    }

    /** The same for a {@link NodeMetrics} of another making: every count through its interface. */
    private static final class ThroughInterface<T> implements MessageHandler<T> {
        private final MessageHandler<T> handler;
        private final NodeMetrics node;
        private final EpochClock clock;
        private final LatencySampler sampler = new LatencySampler();

        ThroughInterface(MessageHandler<T> handler, NodeMetrics node, EpochClock clock) {
            this.handler = handler;
            this.node = node;
            this.clock = clock;
        }

        @Override
        public void onMessage(Envelope<T> message) throws Exception {
            node.in();
            if (sampler.sample(message.id())) {
                sampler.record(node, clock, message.publishTimeNanos());
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
}
