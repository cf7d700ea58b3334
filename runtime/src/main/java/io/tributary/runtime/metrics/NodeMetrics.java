package io.tributary.runtime.metrics;

/**
 * The per-node meters of one topology node, made once at start-up by
 * {@link TributaryMetrics#node(String, String)} and called on the hot path.
 *
 * <p>Each call goes straight to a pre-resolved Dropwizard meter or histogram: no name lookup, no
 * lock, no allocation. A {@code Meter.mark()} is one count that is a plain store for the thread
 * that counts the node first ({@code DeliveryCounts}), and no clock read; {@link #latency(long)}
 * records into a wait-free HdrHistogram recorder.
 *
 * <p>{@link #NOOP} does nothing, so a plan can run with metrics off and the overhead can be
 * measured by comparing the two. Implementations are thread-safe.
 */
public interface NodeMetrics {

    /** A message reached the node. */
    void in();

    /** The node emitted a message. */
    void out();

    /** The node failed on a message. */
    void error();

    /** Time the node spent on one message (or end-to-end latency at a sink), in nanoseconds; negative values count as 0. */
    void latency(long nanos);

    /** Metrics off: every call is empty. */
    NodeMetrics NOOP = new NodeMetrics() {
        @Override
        public void in() {
        }

        @Override
        public void out() {
        }

        @Override
        public void error() {
        }

        @Override
        public void latency(long nanos) {
        }

        @Override
        public String toString() {
            return "NodeMetrics.NOOP";
        }
    };
}
