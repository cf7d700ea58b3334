package io.tributary.runtime.exec;

import io.tributary.api.Priority;
import org.HdrHistogram.Histogram;

import java.util.List;

/**
 * Wait-time histograms per lane since the executor started: each read moves what the workers
 * recorded since the previous read into a running total. Reads are rare (metrics, tests) and
 * serialised by a lock; workers never take it.
 */
final class WaitStats {
    private final Histogram[] total = new Histogram[Priority.COUNT];
    private final Histogram interval = newHistogram();

    WaitStats() {
        for (int i = 0; i < total.length; i++) {
            total[i] = newHistogram();
        }
    }

    private static Histogram newHistogram() {
        return new Histogram(1, WorkerMetrics.HIGHEST_WAIT_NANOS, WorkerMetrics.SIGNIFICANT_DIGITS);
    }

    /** {p50, p99, max} in nanoseconds for the lane, after harvesting every worker. */
    synchronized long[] percentiles(int lane, List<Worker> workers) {
        for (Worker w : workers) {
            w.metrics().harvestWaits(lane, interval);
            total[lane].add(interval);
        }
        Histogram h = total[lane];
        if (h.getTotalCount() == 0) {
            return new long[3];
        }
        return new long[] {h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue()};
    }
}
