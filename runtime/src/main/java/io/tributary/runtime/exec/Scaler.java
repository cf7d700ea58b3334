package io.tributary.runtime.exec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic check that grows and shrinks the {@link WorkerPool}; runs on one scheduler thread.
 *
 * <ul>
 *   <li>Every check moves drained key slots toward balance and stops retired workers that own none.</li>
 *   <li><b>Grow</b> by one worker when some worker has {@code scaleUpQueueDepth} messages waiting or
 *       a message older than {@code scaleUpWait}, and the previously added worker has already taken
 *       its share of slots (otherwise a new worker could not help yet).</li>
 *   <li><b>Shrink</b> by one worker after {@code scaleDownAfter} without pressure in which the
 *       active workers were together busy less than half of what one worker fewer could do.</li>
 * </ul>
 */
final class Scaler implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Scaler.class);

    private final WorkerPool pool;
    private final int depthThreshold;
    private final long waitThresholdNanos;
    private final long windowNanos;
    private final long[] idleAtWindowStart;
    private final long[] idleNow;
    private long windowStart;

    Scaler(WorkerPool pool, ExecutorConfig config) {
        this.pool = pool;
        this.depthThreshold = config.scaleUpQueueDepth();
        this.waitThresholdNanos = config.scaleUpWaitNanos();
        this.windowNanos = config.scaleDownAfterNanos();
        this.idleAtWindowStart = new long[pool.maxWorkers()];
        this.idleNow = new long[pool.maxWorkers()];
        restartWindow(System.nanoTime());
    }

    @Override
    public void run() {
        try {
            check(System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutdownNow: the executor is closing
        } catch (Throwable t) {
            // a scheduled task that throws is never run again: log and keep checking
            LOG.error("scaler check failed; will retry", t);
        }
    }

    void check(long now) throws InterruptedException {
        pool.rebalance();
        pool.stopDrainedRetirees();
        if (pool.underPressure(depthThreshold, waitThresholdNanos)) {
            if (pool.lastAddedSettled() && pool.grow()) {
                LOG.debug("pool grown to {} active workers", pool.activeCount());
                pool.rebalance();
            }
            restartWindow(now);
            return;
        }
        long elapsed = now - windowStart;
        if (elapsed < windowNanos) {
            return;
        }
        int active = pool.activeCount();
        long busy = pool.activeBusyNanos(idleAtWindowStart, pool.idleNanos(now, idleNow), elapsed);
        if (!pool.hasRetiring() && 2 * busy < (active - 1) * elapsed && pool.shrink()) {
            LOG.debug("pool shrinking to {} active workers (busy {} ns of {} ns)", pool.activeCount(), busy, elapsed);
            pool.rebalance();
        }
        restartWindow(now);
    }

    private void restartWindow(long now) {
        windowStart = now;
        pool.idleNanos(now, idleAtWindowStart);
    }
}
