package io.tributary.runtime.metrics;

import com.codahale.metrics.Histogram;
import io.tributary.runtime.bus.DeliveryCounts;

/**
 * {@link NodeMetrics} over the node's {@link DeliveryCounts} (which its three registered meters read)
 * and its latency histogram, resolved once from the registry.
 */
final class MeteredNode implements NodeMetrics {
    private final String name;
    private final DeliveryCounts counts;
    private final Histogram latency;

    MeteredNode(String name, DeliveryCounts counts, Histogram latency) {
        this.name = name;
        this.counts = counts;
        this.latency = latency;
    }

    /** For {@link MeteredHandler}'s one-ownership-check-per-message path and the bus's own counting. */
    DeliveryCounts counts() {
        return counts;
    }

    @Override
    public void in() {
        counts.addIn(1);
    }

    @Override
    public void out() {
        counts.addOut(1);
    }

    @Override
    public void error() {
        counts.addErrors(1);
    }

    @Override
    public void latency(long nanos) {
        // the recorder throws on negatives; clocks of two processes can disagree by a little
        latency.update(Math.max(0L, nanos));
    }

    @Override
    public String toString() {
        return "NodeMetrics[" + name + "]";
    }
}
