package io.tributary.runtime.metrics;

import io.tributary.api.EpochClock;

/**
 * Chooses which messages of one node have their latency recorded: every message while the node is
 * slow, fewer and fewer as it gets busy, so that recording stays near one sample per
 * {@value #TARGET_INTERVAL_NANOS} ns (a few thousand per second) whatever the rate.
 *
 * <p>Why: a sample costs two clock reads and a concurrent histogram update (~100 ns), several times
 * a whole inline publish → dispatch (issue 6 allows metrics 10% of W1 and W3). A few thousand
 * samples per second per node are plenty for the p50 … p99.9 a reporter shows; at 50 M msg/s the
 * node records one message in ~16 k, at 100 msg/s every one.
 *
 * <p>How, without shared writes per message: a message is sampled when the top {@code shift} bits
 * of its id, multiplied by the golden-ratio constant, are zero — probability 2<sup>-shift</sup>, and
 * no aliasing with ids that arrive in a regular stride (a node that gets every fourth id still
 * samples at the rate it asks for). The decision reads one field; only a sampled message writes:
 * the shift grows by one when the previous sample is less than the target interval old, and when it
 * is more than {@value #SLOW_FACTOR} intervals old the shift shrinks by one per doubling of the gap
 * beyond that, so a node that goes quiet after a burst samples densely again at its next sample
 * rather than thousands of messages later.
 *
 * <p>Thread-safety: the fields are plain and written only when a message is sampled, so racing
 * workers can at worst lose a step of the adaptation; the counts of the node's meters never depend
 * on them.
 */
final class LatencySampler {
    /** Aim: about one sample per this many nanoseconds per node. */
    static final long TARGET_INTERVAL_NANOS = 250_000;
    /** Hysteresis: the shift shrinks only once samples are this many target intervals apart. */
    static final int SLOW_FACTOR = 4;
    /** Sample at least one message in 2^24 (~16 M). */
    static final int MAX_SHIFT = 24;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Top bits of the hashed id that must be zero; 0 samples every message. */
    private long mask;
    private int shift;
    private long lastSampleNanos;
    private boolean sampledBefore;

    /**
     * The same rate for a caller that counts its messages (the owner of a node's counts): a message
     * is sampled when its count has these low bits clear. A node's own count has no stride to alias.
     */
    long countMask() {
        return shift == 0 ? 0 : (1L << shift) - 1;
    }

    /** True if the message with this id should have its latency recorded. */
    boolean sample(long id) {
        return ((id * GOLDEN) & mask) == 0;
    }

    /** Records a chosen message's latency into {@code node}, read now from {@code clock}, and adapts the rate. */
    void record(NodeMetrics node, EpochClock clock, long publishTimeNanos) {
        long now = clock.nowNanos();
        node.latency(now - publishTimeNanos);
        sampled(now);
    }

    /** Call after recording a sample taken at {@code nowNanos}: adapts the sampling rate. */
    void sampled(long nowNanos) {
        if (sampledBefore) {
            long since = nowNanos - lastSampleNanos;
            if (since < TARGET_INTERVAL_NANOS) {
                if (shift < MAX_SHIFT) {
                    shift++;
                }
            } else {
                // the stride that would have spaced the samples by ~SLOW_FACTOR intervals
                for (long gap = since; gap > SLOW_FACTOR * TARGET_INTERVAL_NANOS && shift > 0; gap >>>= 1) {
                    shift--;
                }
            }
            mask = shift == 0 ? 0 : -1L << (64 - shift);
        }
        sampledBefore = true;
        lastSampleNanos = nowNanos;
    }

    /** Current log2 of the sampling stride, for tests. */
    int shift() {
        return shift;
    }
}
