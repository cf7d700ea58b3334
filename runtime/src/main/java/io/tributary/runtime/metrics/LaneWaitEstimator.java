package io.tributary.runtime.metrics;

/**
 * Estimates how long messages are waiting in one lane <em>now</em>, from successive lane snapshots.
 *
 * <p>Why an estimate: the executor's wait percentiles cover its whole life, so an overload an hour
 * ago would keep them high for good, and messages still queued are not in them at all. What is
 * current is the depth and how fast the lane drains. Between two samples at least
 * {@code minSampleNanos} apart:
 * <ul>
 *   <li>empty lane: 0;</li>
 *   <li>the lane drained some messages: depth / drain rate (Little's law), the wait of a message
 *       joining the queue now;</li>
 *   <li>messages wait and none left since the last sample: the time since the lane last made
 *       progress or was last seen empty, i.e. how long it has been stuck (the sampling interval is
 *       the resolution).</li>
 * </ul>
 * Samples closer than {@code minSampleNanos} return the previous estimate, so several readers
 * (scrapes, health checks, alert rules) do not shrink each other's windows to nothing.
 * Thread-safe; reads are rare.
 */
final class LaneWaitEstimator {
    private final long minSampleNanos;
    private boolean started;
    private long lastAt;
    private long lastDone;
    private long lastProgressAt;
    private long estimate;

    /**
     * @param startNanos when observation starts; a lane that is stuck from the start is reported as
     *                   waiting since then
     */
    LaneWaitEstimator(long minSampleNanos, long startNanos, long doneAtStart) {
        this.minSampleNanos = minSampleNanos;
        this.lastAt = startNanos;
        this.lastProgressAt = startNanos;
        this.lastDone = doneAtStart;
    }

    /**
     * @param now   current time, same clock as the start
     * @param depth messages waiting now
     * @param done  messages that left the lane since start (delivered or dropped)
     * @return estimated current wait in nanoseconds
     */
    synchronized long estimate(long now, long depth, long done) {
        if (started && now - lastAt < minSampleNanos) {
            return estimate;
        }
        started = true;
        long elapsed = now - lastAt;
        if (depth <= 0) {
            estimate = 0;
            lastProgressAt = now;
        } else if (done > lastDone && elapsed > 0) {
            double drainedPerNano = (double) (done - lastDone) / elapsed;
            estimate = (long) Math.min(Long.MAX_VALUE, depth / drainedPerNano);
            lastProgressAt = now;
        } else {
            estimate = Math.max(0, now - lastProgressAt);
        }
        lastAt = now;
        lastDone = done;
        return estimate;
    }
}
