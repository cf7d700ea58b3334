package io.tributary.runtime.metrics;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;

/** {@link NodeMetrics} over meters and a histogram resolved once from the registry. */
final class MeteredNode implements NodeMetrics {
    private final String name;
    private final Meter in;
    private final Meter out;
    private final Meter errors;
    private final Histogram latency;

    MeteredNode(String name, Meter in, Meter out, Meter errors, Histogram latency) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.errors = errors;
        this.latency = latency;
    }

    @Override
    public void in() {
        in.mark();
    }

    @Override
    public void out() {
        out.mark();
    }

    @Override
    public void error() {
        errors.mark();
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
